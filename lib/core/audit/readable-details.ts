/**
 * Audit details as a reader sees them: each key by its localised name and enum-like values
 * (factor `none`, status `in_progress`) in words; ids, counts and anything unknown stay as
 * recorded, so nothing is hidden. `label` answers undefined for what it has no words for.
 */
export function readableDetails(
  details: Record<string, unknown>,
  label: { key: (key: string) => string | undefined; value: (value: string) => string | undefined },
) {
  const word = (v: unknown): string =>
    typeof v === "string"
      ? (label.value(v) ?? v)
      : Array.isArray(v)
        ? v.map(word).join(", ")
        : typeof v === "object" && v !== null
          ? JSON.stringify(v)
          : String(v);
  return Object.entries(details).map(([key, value]) => ({
    key,
    label: label.key(key) ?? key,
    value: word(value),
  }));
}
