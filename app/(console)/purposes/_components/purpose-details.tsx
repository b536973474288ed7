import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import type { Purpose } from "@/lib/purposes/queries";
import { BasesList, ConsentKindBadge } from "./purpose-badges";

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
        <Facts
          layout="rows"
          items={[
            { label: t("fields.code"), value: <span className="font-mono">{purpose.code}</span> },
            { label: t("fields.bases"), value: <BasesList bases={purpose.bases} /> },
            {
              label: t("fields.consentKind"),
              value: (
                <ConsentKindBadge kind={purpose.consentKind} grounds={purpose.separateGrounds} />
              ),
            },
            {
              label: t("fields.required"),
              value: purpose.required ? t("list.requiredYes") : t("list.optional"),
            },
            {
              label: t("fields.dataCategories"),
              value: (
                <span className="flex flex-wrap gap-1">
                  {purpose.dataCategories.map((c) => (
                    <Badge key={c}>{category(c)}</Badge>
                  ))}
                </span>
              ),
            },
            {
              label: t("fields.sensitive"),
              value: purpose.sensitive ? (
                <Badge tone="red">{t("sensitiveMark")}</Badge>
              ) : (
                common("no")
              ),
            },
            {
              label: t("fields.recipientVendorIds"),
              value: recipients.length > 0 ? recipients.map((r) => r.name).join("、") : none,
            },
            {
              label: t("fields.crossBorderDestination"),
              value: purpose.crossBorderDestination
                ? t(`options.destinations.${purpose.crossBorderDestination}`)
                : none,
            },
            ...(purpose.crossBorderDestination
              ? [
                  {
                    label: t("fields.transferMechanism"),
                    value: purpose.transferMechanism
                      ? t(`options.transferMechanisms.${purpose.transferMechanism}`)
                      : none,
                  },
                ]
              : []),
            {
              label: t("fields.policyDocumentId"),
              value: document
                ? document.version
                  ? t("form.documentVersion", { title: document.title, version: document.version })
                  : t("form.documentUnpublished", { title: document.title })
                : none,
            },
          ]}
        />
      </Card>
    </div>
  );
}
