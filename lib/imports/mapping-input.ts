import { z } from "zod";
import { importFields, type ColumnMapping, type ImportField } from "./fields";

// "" is "do not import"; anything else is a column's position in the header row.
const column = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.coerce.number().int().min(0).max(9_999).optional(),
);

/** The mapping as the form (and the preview's URL) sends it: one field per target, a column position each. */
export const mappingInput = z.object(
  Object.fromEntries(importFields.map((f) => [f, column])) as Record<ImportField, typeof column>,
);

export function toMapping(input: z.infer<typeof mappingInput>): ColumnMapping {
  return Object.fromEntries(
    Object.entries(input).filter(([, index]) => index !== undefined),
  ) as ColumnMapping;
}

/** The mapping's form fields ("" for a field left out), for hidden inputs and links. */
export function mappingFields(mapping: ColumnMapping): Record<ImportField, string> {
  return Object.fromEntries(
    importFields.map((f) => [f, mapping[f] === undefined ? "" : String(mapping[f])]),
  ) as Record<ImportField, string>;
}
