import type { z } from "zod";
import { issueMessage } from "@/lib/core/validation/issue-message";

/** One refused row: its spreadsheet row number, the field, and a message key (never the value). */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

/**
 * Message keys are stored with their parameters, as "namespace.key" or "namespace.key?max=100",
 * so the page can show them in the reader's language long after the file is gone.
 */
export function messageKey(key: string, values: Record<string, string | number> = {}): string {
  const params = new URLSearchParams(
    Object.entries(values).map(([k, v]) => [k, String(v)]),
  ).toString();
  return params ? `${key}?${params}` : key;
}

export function parseMessageKey(message: string): { key: string; values: Record<string, string> } {
  const [key, params = ""] = message.split("?", 2);
  return { key, values: Object.fromEntries(new URLSearchParams(params)) };
}

/** The first problem per field of one row, from the customer schema's validation. */
export function rowErrorsOf(row: number, error: z.ZodError): RowError[] {
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_row");
    if (seen.has(field)) continue;
    seen.add(field);
    const { key, values } = issueMessage(issue);
    out.push({ row, field, message: messageKey(`errors.${key}`, values) });
  }
  return out;
}
