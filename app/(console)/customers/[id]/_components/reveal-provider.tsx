"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { REVEAL_SECONDS, type RevealTarget } from "@/lib/customers/reveal-options";
import { RevealDialog, type RevealRequest } from "./reveal-dialog";

interface Shown {
  value: string | null;
  until: number;
}

interface RevealContextValue {
  /** Null for someone without customers.reveal: no buttons at all. */
  open: ((request: RevealRequest) => void) | null;
  shown: (key: string) => Shown | undefined;
  hide: (key: string) => void;
  now: number;
}

const RevealContext = createContext<RevealContextValue | null>(null);
const keyOf = (field: RevealTarget, accountId?: string) =>
  accountId ? `${field}:${accountId}` : field;

/**
 * Holds the customer page's revealed values, each for 60 seconds (then only the mask shows again),
 * and its one reveal dialog. Values live in this component's memory only: never in the URL or storage.
 */
export function RevealProvider({
  customerId,
  canReveal,
  limit,
  children,
}: {
  customerId: string;
  canReveal: boolean;
  limit: number;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [request, setRequest] = useState<RevealRequest | null>(null);
  const [openCount, setOpenCount] = useState(0);
  const [values, setValues] = useState<Record<string, Shown>>({});
  const [now, setNow] = useState(() => Date.now());
  const anyShown = Object.keys(values).length > 0;

  useEffect(() => {
    if (!anyShown) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      setValues((current) =>
        Object.fromEntries(Object.entries(current).filter(([, v]) => v.until > at)),
      );
    }, 250);
    return () => clearInterval(timer);
  }, [anyShown]);

  const open = (next: RevealRequest) => {
    setRequest(next);
    setOpenCount((n) => n + 1);
    dialog.current?.showModal();
  };
  const onRevealed = (value: string | null) => {
    if (!request) return;
    const at = Date.now();
    setNow(at);
    setValues((current) => ({
      ...current,
      [keyOf(request.field, request.accountId)]: { value, until: at + REVEAL_SECONDS * 1000 },
    }));
  };
  const context: RevealContextValue = {
    open: canReveal ? open : null,
    shown: (key) => values[key],
    hide: (key) => setValues(({ [key]: _gone, ...rest }) => rest),
    now,
  };

  return (
    <RevealContext.Provider value={context}>
      {children}
      {canReveal && (
        <RevealDialog
          dialog={dialog}
          customerId={customerId}
          request={request}
          openCount={openCount}
          limit={limit}
          onRevealed={onRevealed}
        />
      )}
    </RevealContext.Provider>
  );
}

/** A masked value with its Reveal button; once revealed, the full value and a countdown. */
export function RevealableValue({
  field,
  accountId,
  masked,
  label,
}: {
  field: RevealTarget;
  accountId?: string;
  masked: string | null;
  label: string;
}) {
  const t = useTranslations("customers");
  const context = useContext(RevealContext);
  if (!context) throw new Error("RevealableValue outside RevealProvider");
  const key = keyOf(field, accountId);
  const shown = context.shown(key);
  if (masked === null) return <span className="text-slate-400">{t("notGiven")}</span>;

  if (shown) {
    const seconds = Math.max(0, Math.ceil((shown.until - context.now) / 1000));
    return (
      <span className="flex flex-wrap items-center gap-2" data-testid={`revealed-${key}`}>
        <span className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-sm text-slate-900 ring-1 ring-amber-200">
          {shown.value ?? t("reveal.empty")}
        </span>
        <span role="timer" className="text-xs text-amber-800 tabular-nums">
          {t("reveal.countdown", { seconds })}
        </span>
        <Button variant="ghost" size="sm" onClick={() => context.hide(key)}>
          {t("reveal.hide")}
        </Button>
      </span>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono text-sm text-slate-800">{masked}</span>
      {context.open && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => context.open?.({ field, accountId, label })}
          aria-label={t("reveal.buttonLabel", { field: label })}
        >
          {t("reveal.button")}
        </Button>
      )}
    </span>
  );
}
