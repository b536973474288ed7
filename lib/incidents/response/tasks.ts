import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentTasks, incidents, users } from "@/db/schema";
import type { IncidentTaskStatus } from "@/db/schema/incident-response";
import { can } from "@/lib/core/authz/permissions";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { memberOptions } from "@/lib/users/queries";
import { openStatuses } from "../transitions";
import type { IncidentTaskInput } from "./schemas";

async function assertOpenIncident(ctx: TenantContext, incidentId: string) {
  const [row] = await ctx.tx
    .select({ status: incidents.status })
    .from(incidents)
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, incidentId)));
  if (!row) throw new AppError("notFound");
  if (!openStatuses.includes(row.status))
    throw new AppError("conflict", undefined, "incidentClosed");
}

/** A task on an open incident for any active member, with a due date. */
export async function addIncidentTask(ctx: TenantContext, input: IncidentTaskInput) {
  await assertOpenIncident(ctx, input.incidentId);
  if (!(await memberOptions(ctx.tx, ctx.orgId)).some((m) => m.userId === input.ownerId))
    throw new AppError("invalid", { ownerId: "choice" });
  const [row] = await ctx.tx
    .insert(incidentTasks)
    .values({ orgId: ctx.orgId, ...input, createdBy: actingUser(ctx) })
    .returning({ id: incidentTasks.id });
  await ctx.audit({
    action: "incident.task_added",
    targetType: "incident",
    targetId: input.incidentId,
    details: {
      task: row.id,
      owner: input.ownerId,
      dueOn: input.dueOn,
      fromReview: input.fromReview,
    },
  });
  return row.id;
}

/** The owner moves their task along; officers may move anyone's. */
export async function setIncidentTaskStatus(
  ctx: TenantContext & { user: { role: Parameters<typeof can>[0] } },
  input: { taskId: string; status: IncidentTaskStatus },
): Promise<string> {
  const [task] = await ctx.tx
    .select()
    .from(incidentTasks)
    .where(and(eq(incidentTasks.orgId, ctx.orgId), eq(incidentTasks.id, input.taskId)))
    .for("update");
  if (!task) throw new AppError("notFound");
  if (task.ownerId !== actingUser(ctx) && !can(ctx.user.role, "incidents.manage"))
    throw new AppError("forbidden", undefined, "taskNotYours");
  await ctx.tx
    .update(incidentTasks)
    .set({ status: input.status, updatedAt: new Date() })
    .where(and(eq(incidentTasks.orgId, ctx.orgId), eq(incidentTasks.id, task.id)));
  await ctx.audit({
    action: "incident.task_updated",
    targetType: "incident",
    targetId: task.incidentId,
    details: { task: task.id, from: task.status, to: input.status },
  });
  return task.incidentId;
}

const taskColumns = {
  id: incidentTasks.id,
  incidentId: incidentTasks.incidentId,
  title: incidentTasks.title,
  ownerId: incidentTasks.ownerId,
  ownerName: users.name,
  dueOn: incidentTasks.dueOn,
  status: incidentTasks.status,
  fromReview: incidentTasks.fromReview,
};

/** An incident's tasks, by due date. */
export async function tasksOfIncident(tx: Tx, orgId: string, incidentId: string) {
  return tx
    .select(taskColumns)
    .from(incidentTasks)
    .innerJoin(users, eq(users.id, incidentTasks.ownerId))
    .where(and(eq(incidentTasks.orgId, orgId), eq(incidentTasks.incidentId, incidentId)))
    .orderBy(asc(incidentTasks.dueOn), asc(incidentTasks.id));
}

/** The person's unfinished incident tasks, for My tasks. */
export async function incidentTasksOwnedBy(tx: Tx, orgId: string, userId: string) {
  return tx
    .select({ ...taskColumns, reference: incidents.reference })
    .from(incidentTasks)
    .innerJoin(users, eq(users.id, incidentTasks.ownerId))
    .innerJoin(
      incidents,
      and(eq(incidents.orgId, incidentTasks.orgId), eq(incidents.id, incidentTasks.incidentId)),
    )
    .where(
      and(
        eq(incidentTasks.orgId, orgId),
        eq(incidentTasks.ownerId, userId),
        ne(incidentTasks.status, "done"),
        inArray(incidents.status, [...openStatuses, "closed"]),
      ),
    )
    .orderBy(asc(incidentTasks.dueOn), asc(incidentTasks.id));
}
export type OwnedIncidentTask = Awaited<ReturnType<typeof incidentTasksOwnedBy>>[number];
