import { z } from "zod";
import { ORG_TIME_ZONE } from "@/lib/core/dates";
import { instantOf } from "@/lib/requests/receipt-time";
import { vaultCategoryKeys } from "./vault-categories";
import { optional } from "@/lib/core/validation/form-fields";

/** A CSV of external references up to 10 MB (about a million references); the job matches them. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** One external reference per line, in the first column; a header row naming the column is skipped. */
export function refsOfCsv(text: string): string[] {
  const refs = new Set<string>();
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const cell = line
      .split(",")[0]
      ?.trim()
      .replace(/^"(.*)"$/, "$1");
    if (!cell || /^(external_?ref|ref|外部编号|用户编号)$/i.test(cell)) continue;
    if (cell.length <= 200) refs.add(cell);
  }
  return [...refs];
}

/**
 * Who is affected, as the officer states it. `criteria`: any of the vault categories and/or a
 * merchant's customers and/or orders in a window (Beijing time, the end day included) — every
 * part given must hold, and at least one is given. `csv`: a file of external references.
 * `everyone`: every customer not erased.
 */
export const affectedSelectionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["criteria", "csv", "everyone"]),
    categories: z.preprocess((v) => v ?? [], z.array(z.enum(vaultCategoryKeys))),
    merchantId: optional(z.uuid()),
    ordersFrom: optional(z.iso.date()),
    ordersTo: optional(z.iso.date()),
    file: z.instanceof(File).optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (input.kind === "criteria") {
      if (
        input.categories.length === 0 &&
        !input.merchantId &&
        !input.ordersFrom &&
        !input.ordersTo
      )
        issue("categories", "errors.chooseAtLeastOne");
      if (input.ordersFrom && input.ordersTo && input.ordersFrom > input.ordersTo)
        issue("ordersTo", "errors.assessmentEndBeforeStart");
    }
    if (input.kind === "csv") {
      if (!input.file || input.file.size === 0) issue("file", "errors.required");
      else if (input.file.size > MAX_CSV_BYTES) issue("file", "errors.fileTooLarge");
    }
  })
  .transform((input) => ({
    id: input.id,
    kind: input.kind,
    categories: input.categories,
    merchantId: input.merchantId ?? null,
    // The window as instants: from the start of the first day to the end of the last, Beijing time.
    ordersFrom: input.ordersFrom ? instantOf(input.ordersFrom, "00:00", ORG_TIME_ZONE) : null,
    ordersTo: input.ordersTo
      ? new Date(instantOf(input.ordersTo, "00:00", ORG_TIME_ZONE).getTime() + 86_400_000)
      : null,
    file: input.kind === "csv" ? input.file : undefined,
  }));
export type AffectedSelectionInput = z.infer<typeof affectedSelectionSchema>;
