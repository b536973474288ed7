import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { incidentSettingsOf, ownClockRules, ownRule } from "@/lib/incidents/clock-context";
import { referenceClockRules, type IncidentClockRule } from "@/lib/incidents/clock-rules";
import { RuleForm } from "./_components/rule-form";
import { SettingsForm } from "./_components/settings-form";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("settings.title") };
}

/** The incident clocks: the reference rules with their sources, the organisation's own rows, and its settings. */
export default async function IncidentSettingsPage() {
  const actor = await requirePage("incidentClocks.manage");
  const [t, data] = await Promise.all([
    getTranslations("incidents"),
    withTenant(
      actor.orgId,
      async (tx) => ({
        settings: await incidentSettingsOf(tx, actor.orgId),
        own: await ownClockRules(tx, actor.orgId),
      }),
      actor.userId,
    ),
  ]);
  const rules: IncidentClockRule[] = [...referenceClockRules, ...data.own.map(ownRule)];
  const words = (rule: IncidentClockRule, group: string, value: string) =>
    rule.reference ? t(`${group}.${value}` as never) : value;
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <div className="space-y-6">
        <Card title={t("settings.organisation")}>
          <SettingsForm settings={data.settings} />
        </Card>
        <Card title={t("settings.rules")}>
          <RecordTable
            variant="inset"
            flush
            caption={t("settings.rules")}
            testId="clock-rules"
            rows={rules}
            rowKey={(r) => r.key}
            columns={[
              {
                header: t("settings.law"),
                cell: (r) => (r.reference ? t(`clock.rules.${r.key}` as never) : r.law),
                rowHeader: true,
                className: "font-medium text-slate-900",
              },
              { header: t("settings.recipient"), cell: (r) => words(r, "recipient", r.recipient) },
              {
                header: t("settings.period"),
                cell: (r) =>
                  r.period
                    ? t(`clock.period.${r.period.unit}`, {
                        amount: r.target ? data.settings.piplTargetHours : r.period.amount,
                      })
                    : t("clock.undueDelay"),
                className: "whitespace-nowrap",
              },
              {
                header: t("settings.source"),
                cell: (r) => (
                  <span className="text-xs text-slate-600">
                    {r.source}
                    {r.inForceFrom && ` (${t("clock.inForce", { date: r.inForceFrom })})`}
                  </span>
                ),
              },
              {
                header: t("settings.kind"),
                cell: (r) => (r.reference ? t("settings.reference") : t("settings.own")),
                className: "whitespace-nowrap text-xs",
              },
            ]}
          />
        </Card>
        <Card title={t("settings.addRule")}>
          <RuleForm />
        </Card>
      </div>
    </>
  );
}
