import type { z } from "zod";

/** A message key under `errors.` and its parameters, for one zod issue. */
export function issueMessage(issue: z.core.$ZodIssue): {
  key: string;
  values: Record<string, string | number>;
} {
  if (issue.message.startsWith("errors.")) return { key: issue.message.slice(7), values: {} };
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 && issue.origin === "string"
        ? { key: "required", values: {} }
        : {
            key: issue.origin === "string" ? "tooShort" : "tooSmall",
            values: { min: Number(issue.minimum) },
          };
    case "too_big":
      return {
        key: issue.origin === "string" ? "tooLong" : "tooBig",
        values: { max: Number(issue.maximum) },
      };
    case "invalid_format":
      return { key: issue.format === "email" ? "email" : "format", values: {} };
    case "invalid_type":
      return {
        key: issue.input === undefined || issue.input === "" ? "required" : "invalid",
        values: {},
      };
    case "invalid_value":
      return { key: "choice", values: {} };
    default:
      return { key: "invalid", values: {} };
  }
}

/** First message per field, keyed by the dotted path the form uses as the input's name. */
export function fieldErrors(
  error: z.ZodError,
  translate: (key: string, values: Record<string, string | number>) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (out[field]) continue;
    const { key, values } = issueMessage(issue);
    out[field] = translate(key, values);
  }
  return out;
}
