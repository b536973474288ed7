import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { AuditFindingRow } from "@/lib/compliance-audits/queries";

/** Compliance-audit findings a person owns and still has to correct, by due day, overdue ones named. */
export async function AuditFindingTasks({
  findings,
  today,
}: {
  findings: AuditFindingRow[];
  today: string;
}) {
  if (findings.length === 0) return null;
  const t = await getTranslations("complianceAudits");
  return (
    <section aria-labelledby="audit-finding-tasks-heading" className="mb-6">
      <h2 id="audit-finding-tasks-heading" className="mb-2 text-base font-semibold text-slate-900">
        {t("tasks.heading")} ({findings.length})
      </h2>
      <ul
        className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200"
        data-testid="audit-finding-tasks"
      >
        {findings.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{f.title}</p>
              <p className="text-sm text-slate-600">
                {t(`severities.${f.severity}`)} · {t("finding.dueOn")}: {f.dueOn}
                {f.dueOn < today && (
                  <span className="text-red-700"> · {t("tasks.overdue")}</span>
                )} · {t("tasks.audit")}: {f.auditTitle}
              </p>
            </div>
            <Link href={`/compliance-audits/findings/${f.id}`} className={buttonClass()}>
              {t("tasks.open")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
