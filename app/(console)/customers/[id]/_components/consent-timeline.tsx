import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable } from "@/components/ui/record-table";
import { consentActions } from "@/db/schema/consent";
import { withTenant } from "@/db/tenant";
import type { Actor } from "@/lib/core/auth/actor";
import { can } from "@/lib/core/authz/permissions";
import { staffChannels, staffPurposeOptions } from "@/lib/consent/staff";
import { consentStateOf } from "@/lib/consent/state";
import { customerReceipts, TIMELINE_LIMIT } from "@/lib/consent/timeline";
import { localized } from "@/lib/core/i18n/localized-text";
import {
  ActionBadge,
  DecisionBadge,
  GpcBadge,
  KindBadge,
  StatusBadge,
} from "../../../consent/_components/consent-badges";
import { StaffRecordForm } from "../consent/staff-record-form";
import { shortId } from "@/lib/core/short-id";

/**
 * The customer's consent: current state per purpose (re-consent flagged), the receipts newest
 * first, the evidence export and — with consent.record — a decision recorded on their behalf.
 */
export async function ConsentTimeline({ customerId, actor }: { customerId: string; actor: Actor }) {
  const canRecord = can(actor.role, "consent.record");
  const [t, basisLabel, locale, data] = await Promise.all([
    getTranslations("consent"),
    getTranslations("purposes.options"),
    getLocale(),
    withTenant(
      actor.orgId,
      async (tx) => ({
        state: await consentStateOf(tx, actor.orgId, customerId),
        receipts: await customerReceipts(tx, actor.orgId, customerId),
        options: canRecord ? await staffPurposeOptions(tx, actor.orgId) : [],
      }),
      actor.userId,
    ),
  ]);
  const exportHref = (format: "csv" | "json") =>
    `/consent/customers/${customerId}/export?format=${format}`;
  const exports = can(actor.role, "consent.export") && (
    <div className="flex gap-2">
      <a href={exportHref("csv")} download className={buttonClass("secondary", "sm")}>
        {t("timeline.exportCsv")}
      </a>
      <a href={exportHref("json")} download className={buttonClass("secondary", "sm")}>
        {t("timeline.exportJson")}
      </a>
    </div>
  );

  return (
    <section aria-labelledby="consent-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="consent-heading" className="text-base font-semibold text-slate-900">
          {t("timeline.heading")}
        </h2>
        {exports}
      </div>
      <Card title={t("timeline.current")}>
        <RecordTable
          variant="inset"
          caption={t("timeline.current")}
          empty={{ title: t("timeline.noPurposes") }}
          rows={data.state}
          rowKey={(row) => row.purposeId}
          rowClassName={() => "align-top"}
          columns={[
            {
              header: t("fields.purpose"),
              cell: (row) => (
                <span className="flex flex-col">
                  <span className="text-slate-900">{localized(row.name, locale)}</span>
                  <span className="font-mono text-xs text-slate-500">{row.code}</span>
                </span>
              ),
            },
            {
              header: t("fields.basis"),
              cell: (row) =>
                row.choice ? (
                  <span className="flex flex-col gap-1">
                    <span className="text-xs text-slate-700">
                      {row.choice.law} · {basisLabel(`bases.${row.choice.law}.${row.choice.basis}`)}
                    </span>
                    {row.choice.model === "consent" && <KindBadge kind={row.consentKind} />}
                  </span>
                ) : (
                  <span className="text-xs text-slate-500">
                    {t("timeline.notOffered", { law: row.law ?? "—" })}
                  </span>
                ),
            },
            {
              header: t("fields.status"),
              cell: (row) => (
                <span className="flex flex-wrap items-center gap-1">
                  {row.required && row.status === null ? (
                    <Badge>{t("timeline.required")}</Badge>
                  ) : (
                    <StatusBadge status={row.status} />
                  )}
                  {row.gpc && <GpcBadge />}
                  {row.reconsentRequired && (
                    <Badge tone="orange">{t("timeline.reconsentRequired")}</Badge>
                  )}
                </span>
              ),
            },
            { header: t("fields.decision"), cell: (row) => <DecisionBadge decision={row} /> },
            {
              header: t("fields.since"),
              cell: (row) =>
                row.occurredAt ? <EventTime iso={new Date(row.occurredAt).toISOString()} /> : "—",
            },
          ]}
        />
      </Card>
      <Card
        title={t("timeline.receipts")}
        action={
          data.receipts.length >= TIMELINE_LIMIT ? (
            <span className="text-xs text-slate-500">
              {t("timeline.limited", { limit: TIMELINE_LIMIT })}
            </span>
          ) : undefined
        }
      >
        {data.receipts.length === 0 ? (
          <p className="text-sm text-slate-500">{t("timeline.empty")}</p>
        ) : (
          <ol
            className="relative space-y-3 border-l border-slate-200 pl-4"
            aria-label={t("timeline.receipts")}
            data-testid="consent-timeline"
          >
            {data.receipts.map((r) => (
              <li key={r.id} className="relative">
                <span
                  className="absolute top-1.5 -left-[21px] size-2.5 rounded-full bg-slate-300 ring-2 ring-white"
                  aria-hidden="true"
                />
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <EventTime iso={new Date(r.occurredAt).toISOString()} />
                  <ActionBadge action={r.action} />
                  <span className="text-slate-900">{localized(r.purposeName, locale)}</span>
                  {r.gpc && <GpcBadge />}
                  <Link
                    href={`/consent/receipts/${r.id}`}
                    className="font-mono text-xs text-brand-700 underline-offset-2 hover:underline"
                    title={t("fields.receiptId")}
                  >
                    {shortId(r.id)}
                  </Link>
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {t(`channels.${r.channel}`)} ·{" "}
                  {r.source === "staff"
                    ? t("timeline.byStaff", { name: r.staffName ?? "—" })
                    : t(`sources.${r.source}`)}
                  {r.byGuardian && ` · ${t("timeline.byGuardian")}`}
                  {r.policyVersion !== null &&
                    ` · ${t("fields.policyVersionShort", { version: r.policyVersion })}`}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
      {canRecord && (
        <Card title={t("record.heading")}>
          <p className="mb-4 text-sm text-slate-600">{t("record.intro")}</p>
          <StaffRecordForm
            customerId={customerId}
            purposes={data.options.map((p) => ({
              id: p.id,
              label: `${localized(p.name, locale)} (${p.code})`,
            }))}
            actions={consentActions}
            channels={staffChannels}
          />
        </Card>
      )}
    </section>
  );
}
