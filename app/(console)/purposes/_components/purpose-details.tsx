import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Purpose } from "@/lib/purposes/queries";
import { BasesList, ConsentKindBadge } from "./purpose-badges";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/** A purpose as read by someone who may not edit it (or while it is archived). */
export function PurposeDetails({
  purpose,
  recipients,
  document,
}: {
  purpose: Purpose;
  recipients: Array<{ id: string; name: string }>;
  document: { title: string; version: number | null } | null;
}) {
  const t = useTranslations("purposes");
  const common = useTranslations("common");
  const category = useTranslations("dataCategories");
  const none = <span className="text-slate-400">{common("none")}</span>;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 md:grid-cols-2">
        {(["zh-CN", "en"] as const).map((locale) => (
          <Card key={locale} title={locale === "en" ? t("form.english") : t("form.chinese")}>
            <p lang={locale} className="font-medium text-slate-900">
              {purpose.name[locale]}
            </p>
            <p lang={locale} className="mt-2 whitespace-pre-line text-sm text-slate-700">
              {purpose.description[locale]}
            </p>
          </Card>
        ))}
      </div>
      <Card>
        <dl className="divide-y divide-slate-100">
          <Row label={t("fields.code")}>
            <span className="font-mono">{purpose.code}</span>
          </Row>
          <Row label={t("fields.bases")}>
            <BasesList bases={purpose.bases} />
          </Row>
          <Row label={t("fields.consentKind")}>
            <ConsentKindBadge kind={purpose.consentKind} grounds={purpose.separateGrounds} />
          </Row>
          <Row label={t("fields.required")}>
            {purpose.required ? t("list.requiredYes") : t("list.optional")}
          </Row>
          <Row label={t("fields.dataCategories")}>
            <span className="flex flex-wrap gap-1">
              {purpose.dataCategories.map((c) => (
                <Badge key={c}>{category(c)}</Badge>
              ))}
            </span>
          </Row>
          <Row label={t("fields.sensitive")}>
            {purpose.sensitive ? <Badge tone="red">{t("sensitiveMark")}</Badge> : common("no")}
          </Row>
          <Row label={t("fields.recipientVendorIds")}>
            {recipients.length > 0 ? recipients.map((r) => r.name).join("、") : none}
          </Row>
          <Row label={t("fields.crossBorderDestination")}>
            {purpose.crossBorderDestination
              ? t(`options.destinations.${purpose.crossBorderDestination}`)
              : none}
          </Row>
          {purpose.crossBorderDestination && (
            <Row label={t("fields.transferMechanism")}>
              {purpose.transferMechanism
                ? t(`options.transferMechanisms.${purpose.transferMechanism}`)
                : none}
            </Row>
          )}
          <Row label={t("fields.policyDocumentId")}>
            {document
              ? document.version
                ? t("form.documentVersion", { title: document.title, version: document.version })
                : t("form.documentUnpublished", { title: document.title })
              : none}
          </Row>
        </dl>
      </Card>
    </div>
  );
}
