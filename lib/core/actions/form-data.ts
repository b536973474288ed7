/**
 * FormData → plain object for zod: repeated names become arrays (checkbox groups), React's
 * internal `$ACTION` fields are dropped, and file inputs are kept as File.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key.replace(/\[\]$/, "")] = key.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  return out;
}

/** Text values to hand back to a form after a refused submission, so nothing typed is lost. */
export function echoValues(input: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !/password|code|secret/i.test(key)) out[key] = value;
    else if (Array.isArray(value))
      out[key] = value.filter((v): v is string => typeof v === "string");
  }
  return out;
}
