import { getTranslations } from "next-intl/server";
import Link from "next/link";
import {
  DueOn,
  FindingStatusBadge,
  PriorityBadge,
} from "@/app/(console)/security-tests/_components/finding-badges";
import { buttonClass } from "@/components/ui/button";
import type { FindingPriority, FindingStatus } from "@/db/schema/security-tests";

interface OwnedFinding {
  id: string;
  title: string;
  priority: FindingPriority;
  dueOn: string;
  status: FindingStatus;
  assessmentTitle: string;
}
interface AwaitingAcceptance {
  id: string;
  title: string;
  owner: string;
}

/**
 * Security work on My tasks: the findings a person owns, by deadline with overdue ones named, and
 * the risk acceptances they may approve. Only people who read security tests get a link to a finding.
 */
export async function SecurityTasks({
  findings,
  acceptances,
  linkFindings,
  today,
}: {
  findings: OwnedFinding[];
  acceptances: AwaitingAcceptance[];
  linkFindings: boolean;
  today: string;
}) {
  if (findings.length === 0 && acceptances.length === 0) return null;
  const [st, rt] = await Promise.all([getTranslations("securityTests"), getTranslations("risks")]);
  return (
    <>
      {findings.length > 0 && (
        <section aria-labelledby="finding-tasks-heading" className="mb-6">
          <h2 id="finding-tasks-heading" className="mb-2 text-base font-semibold text-slate-900">
            {st("tasks.heading")} ({findings.length})
          </h2>
          <ul
            className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200"
            data-testid="finding-tasks"
          >
            {findings.map((f) => (
              <li
                key={f.id}
                className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
              >
                <div className="min-w-0 space-y-1">
                  <p className="font-medium text-slate-900">
                    {linkFindings ? (
                      <Link
                        href={`/security-tests/findings/${f.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {f.title}
                      </Link>
                    ) : (
                      f.title
                    )}
                  </p>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <PriorityBadge priority={f.priority} /> <FindingStatusBadge status={f.status} />
                    <span>
                      {st("finding.dueOn")}: <DueOn finding={f} today={today} />
                    </span>
                    <span>
                      · {st("tasks.assessment")}: {f.assessmentTitle}
                    </span>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {acceptances.length > 0 && (
        <section aria-labelledby="acceptance-tasks-heading" className="mb-6">
          <h2 id="acceptance-tasks-heading" className="mb-2 text-base font-semibold text-slate-900">
            {rt("tasks.heading")} ({acceptances.length})
          </h2>
          <ul
            className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200"
            data-testid="acceptance-tasks"
          >
            {acceptances.map((r) => (
              <li
                key={r.id}
                className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
              >
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{r.title}</p>
                  <p className="text-sm text-slate-600">
                    {rt("fields.owner")}: {r.owner}
                  </p>
                </div>
                <Link href={`/risks/${r.id}`} className={buttonClass()}>
                  {rt("tasks.review")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
