import { getTranslations } from "next-intl/server";
import Link from "next/link";
import {
  DueOn,
  FindingStatusBadge,
  PriorityBadge,
} from "@/app/(console)/security-tests/_components/finding-badges";
import { buttonClass } from "@/components/ui/button";
import { TaskItem, TaskSection } from "@/components/ui/task-section";
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
      <TaskSection
        id="finding-tasks"
        title={st("tasks.heading")}
        count={findings.length}
        testId="finding-tasks"
      >
        {findings.map((f) => (
          <TaskItem
            key={f.id}
            title={
              linkFindings ? (
                <Link
                  href={`/security-tests/findings/${f.id}`}
                  className="text-brand-700 hover:underline"
                >
                  {f.title}
                </Link>
              ) : (
                f.title
              )
            }
            body={
              <span className="flex flex-wrap items-center gap-2">
                <PriorityBadge priority={f.priority} /> <FindingStatusBadge status={f.status} />
                <span>
                  {st("finding.dueOn")}: <DueOn finding={f} today={today} />
                </span>
                <span>
                  · {st("tasks.assessment")}: {f.assessmentTitle}
                </span>
              </span>
            }
          />
        ))}
      </TaskSection>
      <TaskSection
        id="acceptance-tasks"
        title={rt("tasks.heading")}
        count={acceptances.length}
        testId="acceptance-tasks"
      >
        {acceptances.map((r) => (
          <TaskItem
            key={r.id}
            title={r.title}
            body={`${rt("fields.owner")}: ${r.owner}`}
            action={
              <Link href={`/risks/${r.id}`} className={buttonClass()}>
                {rt("tasks.review")}
              </Link>
            }
          />
        ))}
      </TaskSection>
    </>
  );
}
