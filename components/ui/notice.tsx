import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  info: "bg-brand-50 text-brand-900 ring-brand-100",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
} as const;

/** A short message above a page's content: why the person is here, or what just happened. */
export function Notice({
  tone = "info",
  children,
  className,
}: {
  tone?: keyof typeof tones;
  children: ReactNode;
  className?: string;
}) {
  return (
    <p role="status" className={cn("rounded-md px-3 py-2 text-sm ring-1", tones[tone], className)}>
      {children}
    </p>
  );
}
