import type { z } from "zod";
import messages from "@/messages/en/errors.json";
import { issueMessage } from "@/lib/core/validation/issue-message";
import type { ItemError } from "./problem";

const english = messages as Record<string, string>;

function message(key: string, values: Record<string, string | number>): string {
  const template = english[key] ?? english.invalid;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** The value the issue is about (zod does not keep it), to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === "object"
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined,
    input,
  );
}

function describe(issue: z.core.$ZodIssue, value: unknown): { code: string; message: string } {
  if (issue.code === "invalid_type" && value !== undefined) {
    return {
      code: "invalidType",
      message: `Expected ${issue.expected === "int" ? "an integer" : issue.expected}.`,
    };
  }
  const { key, values } = issueMessage(issue);
  return { code: key, message: message(key, values) };
}

/**
 * One error per failing field, in API form: a batch issue at `items.3.phone` becomes
 * `{ index: 3, field: "phone" }`; anything outside the items has index -1. Codes are the same
 * stable keys the console translates (required, tooLong, phoneFormat…); messages are English.
 */
export function itemErrors(error: z.ZodError, input: unknown): ItemError[] {
  const seen = new Set<string>();
  const out: ItemError[] = [];
  for (const issue of error.issues) {
    const [head, index, ...rest] = issue.path;
    const inItem = head === "items" && typeof index === "number";
    const field = (inItem ? rest : issue.path).join(".") || "_body";
    const at = inItem ? index : -1;
    if (seen.has(`${at}:${field}`)) continue;
    seen.add(`${at}:${field}`);
    out.push({ index: at, field, ...describe(issue, valueAt(input, issue.path)) });
  }
  return out;
}
