"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";

interface Labels {
  menu: string;
  security: string;
  password: string;
  signOut: string;
}

/** A disclosure menu: opens on click or Enter, closes on Escape or outside click, focus stays sensible. */
export function UserMenu({ name, role, labels }: { name: string; role: string; labels: Labels }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (
        e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  const item =
    "block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100";
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={labels.menu}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-left hover:bg-slate-100"
      >
        <span
          className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
          aria-hidden
        >
          {name.slice(0, 1)}
        </span>
        <span className="hidden sm:block">
          <span className="block text-sm font-medium leading-tight">{name}</span>
          <span className="block text-xs leading-tight text-slate-500">{role}</span>
        </span>
      </button>
      {open && (
        <div className="absolute right-0 z-20 mt-1 w-52 overflow-hidden rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
          <Link href="/account/two-factor" className={item} onClick={() => setOpen(false)}>
            {labels.security}
          </Link>
          <Link href="/account/password" className={item} onClick={() => setOpen(false)}>
            {labels.password}
          </Link>
          <button
            type="button"
            className={item}
            onClick={() => signOut({ callbackUrl: "/sign-in" })}
          >
            {labels.signOut}
          </button>
        </div>
      )}
    </div>
  );
}
