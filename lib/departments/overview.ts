import "server-only";
import type { Tx } from "@/db/client";
import type { Role } from "@/db/schema";
import { openFindingsOfDepartment } from "@/lib/compliance-audits/queries";
import { openIncidentsOfDepartment } from "@/lib/incidents/department";
import { acknowledgementCoverage } from "@/lib/policies/acknowledgement-coverage";
import { openRequestsAssignedTo } from "@/lib/requests/assigned";
import { overdueTraining, trainingStatusByDepartment } from "@/lib/training/department-status";
import { departmentMembers } from "@/lib/users/queries";

/**
 * What a department's page shows its head (and officers, auditors): the team with each person's
 * acknowledgements and open requests, training completion per course with the people overdue
 * (from lib/training), acknowledgement progress per document, open rights requests
 * assigned to its people, open incidents reported from it (as incidents' own visibility allows),
 * and the open compliance-audit findings it owns. Call only after mayViewDepartment.
 */
export async function departmentOverview(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
  departmentId: string,
) {
  const team = await departmentMembers(tx, orgId, departmentId);
  const coverage = await acknowledgementCoverage(tx, orgId, departmentId);
  const requests = await openRequestsAssignedTo(
    tx,
    orgId,
    team.map((m) => m.userId),
  );
  const people = team.map((m) => {
    const acks = coverage.byPerson.find((p) => p.userId === m.userId);
    return {
      ...m,
      acknowledged: acks?.acknowledged ?? 0,
      required: acks?.required ?? 0,
      openRequests: requests.filter((r) => r.assigneeId === m.userId).length,
    };
  });
  const only = { departmentIds: [departmentId] };
  return {
    people,
    training: await trainingStatusByDepartment(tx, orgId, only),
    trainingOverdue: await overdueTraining(tx, orgId, only),
    documents: coverage.byDocument,
    acknowledgements: { acknowledged: coverage.acknowledged, required: coverage.required },
    requests: requests.map((r) => ({
      ...r,
      assignee: team.find((m) => m.userId === r.assigneeId)?.name ?? "",
    })),
    incidents: await openIncidentsOfDepartment(tx, orgId, viewer, departmentId),
    findings: await openFindingsOfDepartment(tx, orgId, departmentId),
  };
}

export type DepartmentOverview = Awaited<ReturnType<typeof departmentOverview>>;
