"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { searchKinds, type SearchKind, type SearchState } from "@/lib/customers/search-kinds";
import { searchCustomersAction } from "../search-action";
import { SearchResults } from "./search-results";
import { compactInputClass, compactSelectClass } from "@/components/ui/input-class";

/**
 * Exact search by phone, email, ID number or external ID. The value is POSTed to a server
 * function (never put in the URL); while results are shown they replace the list (`children`).
 */
export function CustomerSearch({ children }: { children: ReactNode }) {
  const t = useTranslations("customers");
  const [state, action, pending] = useActionState(searchCustomersAction, {
    status: "idle",
  } as SearchState);
  const [by, setBy] = useState<SearchKind>("auto");
  const [value, setValue] = useState("");
  // The answer the person dismissed with "back to the list"; a new search shows again.
  const [dismissed, setDismissed] = useState<SearchState | null>(null);
  const showing = state.status === "ok" && state !== dismissed;
  const error =
    state.status === "error" && state !== dismissed
      ? (state.fieldErrors?.value ?? state.message)
      : undefined;
  // Submitted by hand rather than through <form action>: React resets a form after its action,
  // which would put the "search by" choice back to its first option.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };

  return (
    <>
      <form
        onSubmit={submit}
        role="search"
        aria-label={t("search.label")}
        className="mb-5 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
        noValidate
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="search-by" className="text-xs font-medium text-slate-600">
              {t("search.by")}
            </label>
            <select
              id="search-by"
              name="by"
              value={by}
              onChange={(e) => setBy(e.target.value as SearchKind)}
              className={compactSelectClass}
            >
              {searchKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`search.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label htmlFor="search-value" className="text-xs font-medium text-slate-600">
              {t("search.value")}
            </label>
            <input
              id="search-value"
              name="value"
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder={t("search.placeholder")}
              maxLength={200}
              aria-invalid={error ? true : undefined}
              aria-describedby="search-hint search-error"
              className={`${compactInputClass} px-3`}
            />
          </div>
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? t("search.pending") : t("search.submit")}
          </Button>
          {showing && (
            <Button
              variant="secondary"
              onClick={() => {
                setDismissed(state);
                setValue("");
              }}
            >
              {t("search.backToList")}
            </Button>
          )}
        </div>
        <p id="search-hint" className="mt-2 text-xs text-slate-500">
          {t("search.hint")}
        </p>
        <p id="search-error" className="mt-1 text-xs text-red-600" aria-live="polite">
          {error}
        </p>
      </form>
      {showing ? <SearchResults rows={state.rows} /> : children}
    </>
  );
}
