"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The module navigation: a column beside the page, or a scrollable row on narrow screens. */
export function Sidebar({ items, label, row = false }: { items: Array<{ href: string; label: string }>; label: string; row?: boolean }) {
  const pathname = usePathname();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <nav aria-label={label} className={row ? "flex gap-1 overflow-x-auto" : "flex flex-col gap-0.5"}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={active(item.href) ? "page" : undefined}
          className={cn(
            "shrink-0 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
            active(item.href) ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
