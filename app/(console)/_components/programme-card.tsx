import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BarChart, type BarTone } from "@/components/charts/bar-chart";
import { Card } from "@/components/ui/card";
import { withTenant } from "@/db/tenant";
import { auditObligationStatus } from "@/lib/compliance-audits/obligation-status";
import type { Actor } from "@/lib/core/auth/actor";
import { todayIso } from "@/lib/core/dates";
import { departmentOptions } from "@/lib/departments/queries";
import { trainingStatusByDepartment } from "@/lib/training/department-status";

const tone = (rate: number): BarTone => (rate >= 95 ? "green" : rate >= 80 ? "amber" : "red");

/**
 * The overview's programme card for officers and auditors: training n% complete and m overdue,
 * completion per department as a chart, and when the next compliance audit is due.
 */
export async function ProgrammeCard({ actor }: { actor: Actor }) {
  const today = todayIso();
  const { rows, names, obligation } = await withTenant(
    actor.orgId,
    async (tx) => ({
      rows: await trainingStatusByDepartment(tx, actor.orgId, { today }),
      names: await departmentOptions(tx, actor.orgId),
      obligation: await auditObligationStatus(tx, actor.orgId),
    }),
    actor.userId,
  );
  const t = await getTranslations("overview");
  const sum = (list: typeof rows, key: "assigned" | "completed" | "overdue") =>
    list.reduce((n, r) => n + r[key], 0);
  const assigned = sum(rows, "assigned");
  const percent = assigned === 0 ? null : Math.floor((sum(rows, "completed") / assigned) * 100);
  const bars = names
    .map((d) => {
      const own = rows.filter((r) => r.departmentId === d.id);
      const of = sum(own, "assigned");
      return of === 0
        ? null
        : { label: d.name, rate: Math.floor((sum(own, "completed") / of) * 100) };
    })
    .filter((b): b is { label: string; rate: number } => b !== null);
  return (
    <Card
      title={t("programme.title")}
      action={
        <Link href="/compliance" className="text-sm text-brand-700 hover:underline">
          {t("programme.compliance")}
        </Link>
      }
    >
      <div className="grid gap-6 md:grid-cols-[2fr_3fr]">
        <div className="space-y-3 text-sm text-slate-700" data-testid="programme-card">
          <p data-testid="training-summary">
            {percent === null
              ? t("programme.noTraining")
              : t("programme.training", { percent, overdue: sum(rows, "overdue") })}
          </p>
          <p data-testid="audit-due">
            {!obligation
              ? t("programme.auditNotEvaluated")
              : obligation.required && obligation.nextDueOn
                ? t("programme.auditDue", { date: obligation.nextDueOn })
                : t("programme.auditNotRequired")}{" "}
            <Link href="/compliance-audits" className="text-brand-700 hover:underline">
              {t("programme.audits")}
            </Link>
          </p>
        </div>
        {bars.length > 0 && (
          <BarChart
            title={t("programme.chartTitle")}
            categoryLabel={t("programme.department")}
            valueLabel={t("programme.percent")}
            bars={bars.map((b) => ({ label: b.label, value: b.rate, tone: tone(b.rate) }))}
          />
        )}
      </div>
    </Card>
  );
}
