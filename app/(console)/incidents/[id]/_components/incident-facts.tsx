import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import type { IncidentDetail } from "@/lib/incidents/queries";

/** What was reported and what triage has established. */
export async function IncidentFacts({ detail }: { detail: IncidentDetail }) {
  const [t, category, format] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("dataCategories"),
    getFormatter(),
  ]);
  const { incident: i } = detail;
  const number = (n: number | null) => (n === null ? t("unknown") : format.number(n));
  const facts: Array<[string, React.ReactNode, string?]> = [
    [t("facts.discoveredAt"), <EventTime key="d" iso={i.discoveredAt.toISOString()} />],
    [t("facts.reportedAt"), <EventTime key="r" iso={i.createdAt.toISOString()} />],
    [t("facts.reporter"), detail.reporterName],
    [t("facts.systems"), i.systems.length > 0 ? i.systems.join("、") : t("unknown")],
    [
      t("facts.dataCategories"),
      i.dataCategories.length > 0
        ? i.dataCategories.map((c) => category(c as never)).join("、")
        : t("unknown"),
    ],
    [t("facts.estimatedAffected"), number(i.estimatedAffected), "fact-estimate"],
    [t("facts.vendor"), detail.vendorName ?? t("facts.noVendor")],
    [
      t("facts.classification"),
      i.classification ? t(`classification.${i.classification}`) : t("facts.notTriaged"),
      "fact-classification",
    ],
  ];
  if (i.breachTypes.length > 0)
    facts.push([t("facts.breachTypes"), i.breachTypes.map((b) => t(`breachType.${b}`)).join("、")]);
  if (i.classification) {
    facts.push(
      [
        t("facts.directLoss"),
        i.directLossCny === null ? t("unknown") : `¥${format.number(i.directLossCny)}`,
      ],
      [
        t("facts.affectedLaws"),
        i.affectedLaws.length > 0
          ? i.affectedLaws.map((l) => t(`law.${l}`)).join("、")
          : t("unknown"),
      ],
      [t("facts.gdprRisk"), i.gdprRisk ? t(`gdprRisk.${i.gdprRisk}`) : t("facts.notAssessed")],
    );
    if (i.californiaResidents !== null)
      facts.push([t("facts.californiaResidents"), number(i.californiaResidents)]);
  }
  if (i.grade)
    facts.push([t("facts.grade"), `${t(`grade.${i.grade}`)} — ${i.gradeReason}`, "fact-grade"]);
  if (i.dismissReason) facts.push([t("facts.dismissReason"), i.dismissReason]);
  return (
    <Card title={t("sections.facts")}>
      <p className="mb-4 text-sm whitespace-pre-wrap text-slate-800">{i.description}</p>
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        {facts.map(([label, value, testId]) => (
          <div key={label}>
            <dt className="text-xs font-medium text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
