import { importFields, type ColumnMapping } from "@/lib/imports/fields";
import { mappingInput, toMapping } from "@/lib/imports/mapping-input";

/**
 * The mapping being tried in the preview, from the URL (column positions only, never cell values);
 * undefined when the URL names none, so the saved or guessed mapping applies.
 */
export function mappingFromSearchParams(
  params: Record<string, string | string[] | undefined>,
): ColumnMapping | undefined {
  if (!importFields.some((f) => f in params)) return undefined;
  const single = Object.fromEntries(
    importFields.map((f) => [f, typeof params[f] === "string" ? params[f] : ""]),
  );
  const parsed = mappingInput.safeParse(single);
  return parsed.success ? toMapping(parsed.data) : undefined;
}
