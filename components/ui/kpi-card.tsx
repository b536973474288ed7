import Link from "next/link";
import { cn } from "./cn";

const tones = {
  neutral: "text-slate-900",
  ok: "text-emerald-700",
  warning: "text-amber-700",
  danger: "text-red-700",
} as const;

export type KpiTone = keyof typeof tones;

/** One number that matters, linking to the list that explains it. */
export function KpiCard({
  label,
  value,
  href,
  tone = "neutral",
  hint,
}: {
  label: string;
  value: number;
  href: string;
  tone?: KpiTone;
  hint?: string;
}) {
  return (
    <Link
      href={href}
      className="group block rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 transition hover:ring-brand-600/40 hover:shadow-sm"
    >
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p
        className={cn(
          "mt-2 text-3xl font-semibold tabular-nums",
          value === 0 ? "text-slate-900" : tones[tone],
        )}
      >
        {value}
      </p>
      {hint && <p className="mt-1 text-xs text-slate-500 group-hover:text-slate-700">{hint}</p>}
    </Link>
  );
}
