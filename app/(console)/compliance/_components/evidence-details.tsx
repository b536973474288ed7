import { useTranslations } from "next-intl";

/** A control's counts and flags in words (keys under controls.detail). */
export function EvidenceDetails({
  details,
}: {
  details: Record<string, number | string | boolean>;
}) {
  const t = useTranslations("controls");
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs text-slate-600">
      {entries.map(([key, value]) => (
        <li key={key}>
          {t(`detail.${key}` as never)}:{" "}
          <span className="tabular-nums">
            {typeof value === "boolean" ? t(value ? "yes" : "no") : String(value)}
          </span>
        </li>
      ))}
    </ul>
  );
}
