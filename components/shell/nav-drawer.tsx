"use client";

import { useEffect, useRef, useState } from "react";
import { Sidebar, type NavSection } from "./sidebar";

/**
 * The navigation on narrow screens: a menu button opens the grouped list as a drawer over the
 * page; choosing an item, Escape or the backdrop closes it, and focus returns to the button.
 */
export function NavDrawer({
  sections,
  label,
  labels,
}: {
  sections: NavSection[];
  label: string;
  labels: { open: string; close: string };
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const pendingCount = sections.flatMap((s) => s.items).reduce((sum, i) => sum + (i.count ?? 0), 0);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="nav-drawer"
        onClick={() => setOpen(true)}
        className="relative flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
        </svg>
        {labels.open}
        {pendingCount > 0 && (
          <span
            className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums"
            aria-hidden
          >
            {pendingCount}
          </span>
        )}
      </button>
      {open && (
        <div className="fixed inset-0 z-40" id="nav-drawer">
          <div className="absolute inset-0 bg-slate-900/40" aria-hidden onClick={close} />
          <div
            ref={panel}
            role="dialog"
            aria-modal="true"
            aria-label={label}
            className="absolute inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col overflow-y-auto bg-white px-3 py-4 shadow-xl"
          >
            <button
              type="button"
              onClick={close}
              className="mb-4 self-end rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            >
              {labels.close}
            </button>
            <Sidebar sections={sections} label={label} onNavigate={() => setOpen(false)} />
          </div>
        </div>
      )}
    </div>
  );
}
