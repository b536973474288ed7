import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { getReceipt } from "@/lib/consent/explorer";
import { localized } from "@/lib/core/i18n/localized-text";
import { ActionBadge, GpcBadge } from "../../_components/consent-badges";
import { shortId } from "@/lib/core/short-id";

export async function generateMetadata() {
  return { title: (await getTranslations("consent"))("receipt.title") };
}

const mono = (value: string | number | null) =>
  value === null || value === "" ? (
    "—"
  ) : (
    <span className="font-mono text-xs break-all">{value}</span>
  );

/** Every field of one receipt, and the checks that it is untouched and included in its batch's Merkle root. */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("consent.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const receipt = await withTenant(
    actor.orgId,
    (tx) => getReceipt(tx, actor.orgId, id),
    actor.userId,
  );
  if (!receipt) notFound();
  const [t, locale] = await Promise.all([getTranslations("consent"), getLocale()]);
  const v = receipt.verification;
  const check = (ok: boolean, label: string) => (
    <li className="flex items-center gap-2 text-sm">
      <Badge tone={ok ? "green" : "red"}>{ok ? t("receipt.pass") : t("receipt.fail")}</Badge>
      <span className="text-slate-700">{label}</span>
    </li>
  );
  const fields: Array<[string, ReactNode]> = [
    [t("fields.receiptId"), mono(receipt.id)],
    [
      t("fields.occurredAt"),
      <EventTime key="o" iso={new Date(receipt.occurredAt).toISOString()} />,
    ],
    [
      t("fields.recordedAt"),
      <EventTime key="r" iso={new Date(receipt.recordedAt).toISOString()} />,
    ],
    [
      t("fields.customer"),
      receipt.customerStatus === "erased" ? (
        t("explorer.erased")
      ) : (
        <Link
          key="c"
          href={`/customers/${receipt.customerId}`}
          className="text-brand-700 underline-offset-2 hover:underline"
        >
          {receipt.customerNameMasked ?? t("explorer.unnamed")}
          {receipt.customerPhoneMasked ? ` · ${receipt.customerPhoneMasked}` : ""}
        </Link>
      ),
    ],
    [t("fields.purpose"), `${localized(receipt.purposeName, locale)} (${receipt.purposeCode})`],
    [t("fields.action"), <ActionBadge key="a" action={receipt.action} />],
    [t("fields.channel"), t(`channels.${receipt.channel}`)],
    [t("fields.source"), t(`sources.${receipt.source}`)],
    [t("fields.gpc"), receipt.gpc ? <GpcBadge key="g" /> : t("receipt.no")],
    [t("fields.byGuardian"), receipt.byGuardian ? t("fields.byGuardianYes") : t("receipt.no")],
    [
      t("fields.policyVersion"),
      receipt.policyVersion !== null
        ? `${receipt.policySlug ?? ""} ${t("fields.policyVersionShort", { version: receipt.policyVersion })}`
        : "—",
    ],
    [t("fields.noticeHash"), mono(receipt.noticeHash)],
    [t("fields.locale"), mono(receipt.locale)],
    [t("fields.ipTruncated"), mono(receipt.ipTruncated)],
    [t("fields.userAgent"), mono(receipt.userAgent)],
    [t("fields.staff"), receipt.staffUserId ? (receipt.staffName ?? receipt.staffUserId) : "—"],
    [t("fields.staffReason"), receipt.staffReason ?? "—"],
  ];
  const evidence: Array<[string, ReactNode]> = [
    [t("fields.contentHash"), mono(receipt.contentHash)],
    [t("fields.batchId"), mono(receipt.batchId)],
    [t("fields.batchSeq"), mono(`${receipt.batchSeq + 1} / ${receipt.batchEventCount}`)],
    [t("fields.merkleRoot"), mono(receipt.merkleRoot)],
    [
      t("fields.auditSeq"),
      receipt.auditSeq !== null ? (
        <Link
          key="s"
          href={`/audit?action=consent.batch_recorded&targetId=${receipt.batchId}`}
          className="font-mono text-xs text-brand-700 hover:underline"
        >
          #{receipt.auditSeq}
        </Link>
      ) : (
        "—"
      ),
    ],
  ];
  const list = (rows: Array<[string, ReactNode]>) => (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm font-medium text-slate-500">{label}</dt>
          <dd className="text-sm text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <>
      <Link
        href="/consent/receipts"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("explorer.title")}
      </Link>
      <PageHeader
        title={t("receipt.heading", { id: shortId(receipt.id) })}
        description={t("receipt.description")}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("receipt.fields")}>{list(fields)}</Card>
        <div className="space-y-6">
          <Card title={t("receipt.evidence")}>{list(evidence)}</Card>
          <Card title={t("receipt.verification")}>
            <ul className="space-y-2" data-testid="receipt-verification">
              {check(v.contentHashMatches, t("receipt.hashCheck"))}
              {check(v.proofValid, t("receipt.proofCheck", { steps: v.proof.length }))}
              {check(v.auditRootMatches, t("receipt.auditCheck"))}
            </ul>
            {v.proof.length > 0 && (
              <details className="mt-4">
                <summary className="cursor-pointer text-sm text-slate-600">
                  {t("receipt.proofPath")}
                </summary>
                <ol className="mt-2 space-y-1">
                  {v.proof.map((step, i) => (
                    <li key={i} className="font-mono text-xs break-all text-slate-600">
                      {step.side === "left" ? "L" : "R"} {step.hash}
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
