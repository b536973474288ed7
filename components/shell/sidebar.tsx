"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface NavSection {
  key: string;
  label: string;
  items: Array<{ href: string; label: string; count?: number; countLabel?: string }>;
}

/** The module navigation in labelled groups; an item may carry a count (pending tasks). */
export function Sidebar({
  sections,
  label,
  onNavigate,
}: {
  sections: NavSection[];
  label: string;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  const active = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={label} className="flex flex-col gap-4">
      {sections.map((section) => (
        <div key={section.key} role="group" aria-labelledby={`nav-group-${section.key}`}>
          <p
            id={`nav-group-${section.key}`}
            className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-400 uppercase"
          >
            {section.label}
          </p>
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  onClick={onNavigate}
                  aria-current={active(item.href) ? "page" : undefined}
                  className={cn(
                    "flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm font-medium",
                    active(item.href)
                      ? "bg-brand-50 text-brand-700"
                      : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  <span>{item.label}</span>
                  {item.count ? (
                    <span
                      className="rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums"
                      data-testid={`nav-count-${item.href}`}
                    >
                      {item.count}
                      <span className="sr-only"> {item.countLabel}</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
