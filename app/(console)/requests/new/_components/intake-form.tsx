"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/core/actions/state";
import type { Jurisdiction } from "@/db/schema/organizations";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import type { SearchState } from "@/lib/customers/search-kinds";
import { identityMethodOptions, requestTypeOptions, staffChannels } from "@/lib/requests/options";
import { lawsOffering } from "@/lib/requests/request-types";
import { createRequestAction } from "../actions";
// The customer list's exact search (customers.read, held by everyone who may enter requests):
// the identifier travels in a POST body, never in a URL.
import { searchCustomersAction } from "../../../customers/search-action";
import { compactInputClass } from "@/components/ui/input-class";

interface Created {
  id: string;
  reference: string;
  token: string;
  duplicateOf: string | null;
  notified: boolean;
}

interface Props {
  today: string;
  /** Now, in the organisation's zone (HH:MM): the time a request received just now was received. */
  time: string;
  zones: Array<{ value: string; label: string }>;
  jurisdictions: readonly Jurisdiction[];
}

/**
 * Find the requester (exact identifier, POSTed), then record the request as it was received: the
 * date and time in a zone, and only the types the customer's laws offer.
 */
export function IntakeForm({ today, time, zones, jurisdictions }: Props) {
  const t = useTranslations("requests");
  const [search, searchAction, searching] = useActionState(searchCustomersAction, {
    status: "idle",
  } as SearchState);
  const [state, formAction] = useActionState(createRequestAction, idle as ActionState);
  const [customerId, setCustomerId] = useState("");
  const [verified, setVerified] = useState("none");

  if (state.status === "ok" && state.data) return <CreatedCard created={state.data as Created} />;

  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const value = (name: string, fallback = "") =>
    typeof values[name] === "string" ? (values[name] as string) : fallback;
  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setCustomerId("");
    startTransition(() => searchAction(data));
  };
  const searchError =
    search.status === "error" ? (search.fieldErrors?.value ?? search.message) : undefined;
  const picked = search.status === "ok" ? search.rows.find((c) => c.id === customerId) : undefined;
  const laws = picked ? applicableLaws(picked, jurisdictions).laws : null;
  const types = laws
    ? requestTypeOptions.filter((type) => lawsOffering(type, laws).length > 0)
    : requestTypeOptions;

  return (
    <div className="space-y-6">
      <Card title={t("intake.findCustomer")}>
        <form
          onSubmit={submitSearch}
          role="search"
          aria-label={t("intake.findCustomer")}
          noValidate
          className="flex flex-wrap items-end gap-3"
        >
          <input type="hidden" name="by" value="auto" />
          <div className="flex min-w-72 flex-1 flex-col gap-1">
            <label htmlFor="requester-search" className="text-xs font-medium text-slate-600">
              {t("intake.searchLabel")}
            </label>
            <input
              id="requester-search"
              name="value"
              type="search"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              aria-describedby="requester-search-hint requester-search-error"
              className={`${compactInputClass} px-3`}
            />
          </div>
          <Button type="submit" disabled={searching}>
            {searching ? t("intake.searching") : t("intake.search")}
          </Button>
          <p id="requester-search-hint" className="w-full text-xs text-slate-500">
            {t("intake.searchHint")}
          </p>
          <p id="requester-search-error" className="w-full text-xs text-red-600" aria-live="polite">
            {searchError}
          </p>
        </form>
        {search.status === "ok" && (
          <fieldset className="mt-3">
            <legend className="mb-2 text-sm text-slate-600" role="status">
              {search.rows.length
                ? t("intake.pickCustomer", { count: search.rows.length })
                : t("intake.noMatch")}
            </legend>
            <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {search.rows.map((c) => (
                <li key={c.id}>
                  <label className="flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-slate-50">
                    <input
                      type="radio"
                      name="pick"
                      value={c.id}
                      checked={customerId === c.id}
                      onChange={() => setCustomerId(c.id)}
                      className="size-4 text-brand-600"
                    />
                    <span className="font-medium">{c.nameMasked ?? "—"}</span>
                    <span className="text-xs text-slate-500">{c.externalRef}</span>
                    <span className="text-xs text-slate-500">{c.phoneMasked ?? c.emailMasked}</span>
                    <span className="ml-auto text-xs text-slate-500">
                      {c.laws.join(", ") || c.region}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </Card>

      <form action={formAction} noValidate className="space-y-6">
        <FormMessage
          state={
            state.status === "error" && errors.customerId
              ? { ...state, message: t("intake.customerRequired") }
              : state
          }
        />
        <input type="hidden" name="customerId" value={customerId} />
        <Card title={t("intake.details")}>
          <div className="grid gap-4 md:grid-cols-3">
            <SelectField
              name="type"
              label={t("fields.type")}
              required
              defaultValue={value("type", "access")}
              error={errors.type}
              options={types.map((v) => ({ value: v, label: t(`type.${v}`) }))}
              hint={laws ? t("intake.typesFor", { laws: laws.join(", ") }) : undefined}
            />
            <SelectField
              name="channel"
              label={t("fields.channel")}
              required
              defaultValue={value("channel", "phone")}
              error={errors.channel}
              options={staffChannels.map((v) => ({ value: v, label: t(`channel.${v}`) }))}
            />
            <TextField
              name="receivedOn"
              type="date"
              label={t("fields.receivedOn")}
              required
              max={today}
              defaultValue={value("receivedOn", today)}
              error={errors.receivedOn}
              hint={t("intake.receivedHint")}
            />
            <TextField
              name="receivedTime"
              type="time"
              label={t("fields.receivedTime")}
              required
              defaultValue={value("receivedTime", time)}
              error={errors.receivedTime}
            />
            <SelectField
              name="receivedZone"
              label={t("fields.receivedZone")}
              required
              defaultValue={value("receivedZone", zones[0].value)}
              error={errors.receivedZone}
              options={zones}
              hint={t("intake.zoneHint")}
            />
            <SelectField
              name="identityMethod"
              label={t("fields.identityMethod")}
              value={verified}
              onChange={(e) => setVerified(e.target.value)}
              error={errors.identityMethod}
              options={[
                { value: "none", label: t("intake.notYetVerified") },
                ...identityMethodOptions
                  .filter((m) => m !== "portal_code")
                  .map((v) => ({ value: v, label: t(`identity.${v}`) })),
              ]}
            />
            <TextField
              name="verifiedOn"
              type="date"
              label={t("fields.verifiedOn")}
              max={today}
              disabled={verified === "none"}
              defaultValue={value("verifiedOn", today)}
              error={errors.verifiedOn}
              hint={t("intake.verifiedHint")}
            />
            <SelectField
              name="locale"
              label={t("fields.locale")}
              defaultValue={value("locale", "zh-CN")}
              options={[
                { value: "zh-CN", label: "中文" },
                { value: "en", label: "English" },
              ]}
              hint={t("intake.localeHint")}
            />
          </div>
        </Card>
        <div className="flex items-center justify-end gap-3">
          <Link href="/requests" className={buttonClass("secondary")}>
            {t("cancel")}
          </Link>
          <SubmitButton pendingLabel={t("intake.creating")}>{t("intake.create")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}

/** Shown once: the tracking token is not stored in readable form and cannot be shown again. */
function CreatedCard({ created }: { created: Created }) {
  const t = useTranslations("requests");
  return (
    <Card title={t("intake.createdTitle", { reference: created.reference })}>
      <div className="space-y-4">
        {created.duplicateOf && <Notice tone="warning">{t("intake.duplicate")}</Notice>}
        <p className="text-sm text-slate-700">{t("intake.tokenExplain")}</p>
        <div className="flex flex-wrap items-center gap-3">
          <code
            data-testid="tracking-token"
            className="rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all"
          >
            {created.token}
          </code>
          <CopyButton
            text={created.token}
            label={t("intake.copy")}
            copiedLabel={t("intake.copied")}
          />
        </div>
        <p className="text-sm text-slate-600">
          {created.notified ? t("intake.notified") : t("intake.notNotified")}
        </p>
        <div className="flex gap-3">
          <Link href={`/requests/${created.id}`} className={buttonClass()}>
            {t("intake.open")}
          </Link>
          {created.duplicateOf && (
            <Link href={`/requests/${created.duplicateOf}`} className={buttonClass("secondary")}>
              {t("intake.openOriginal")}
            </Link>
          )}
        </div>
      </div>
    </Card>
  );
}
