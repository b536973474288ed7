import {
  maskAddress,
  maskBirthDate,
  maskEmail,
  maskName,
  maskNationalId,
  maskPhone,
} from "@/lib/customers/mask";
import type { CsvRecord } from "./csv-parse";
import { importFields, type ColumnMapping, type ImportField } from "./fields";
import { readCell } from "./validate";

// Personal fields are shown as the customer list shows them; the rest as they are.
const masks: Partial<Record<ImportField, (value: string) => string>> = {
  displayName: maskName,
  phone: maskPhone,
  email: maskEmail,
  nationalId: maskNationalId,
  address: maskAddress,
  birthDate: maskBirthDate,
};

export interface PreviewRow {
  row: number;
  values: Partial<Record<ImportField, string>>;
}

/** The first rows as the mapping reads them, personal values masked (a blank cell stays blank). */
export function previewRows(rows: CsvRecord[], mapping: ColumnMapping, count = 5): PreviewRow[] {
  return rows.slice(0, count).map(({ row, cells }) => {
    const values: PreviewRow["values"] = {};
    for (const field of importFields) {
      const index = mapping[field];
      if (index === undefined) continue;
      const cell = (cells[index] ?? "").trim();
      // Masked as the import will read it (1990/5/17 is the date 1990-05-17), else shown as written.
      const read = readCell(field, cell);
      values[field] =
        cell === "" ? "" : (masks[field]?.(typeof read === "string" ? read : cell) ?? cell);
    }
    return { row, values };
  });
}
