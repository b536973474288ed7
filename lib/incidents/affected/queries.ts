import "server-only";
import { and, asc, desc, eq, getTableColumns, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentAffectedSets, merchants } from "@/db/schema";

const { csvRefs: _refs, ...columns } = getTableColumns(incidentAffectedSets);
export type AffectedSet = Omit<typeof incidentAffectedSets.$inferSelect, "csvRefs">;

/**
 * The incident's selection the page shows: the newest one running, waiting to be committed or
 * failed, and the committed one (the people the incident is stored with).
 */
export async function affectedSetsOf(
  tx: Tx,
  orgId: string,
  incidentId: string,
): Promise<{ draft: AffectedSet | undefined; committed: AffectedSet | undefined }> {
  const rows = await tx
    .select(columns)
    .from(incidentAffectedSets)
    .where(
      and(
        eq(incidentAffectedSets.orgId, orgId),
        eq(incidentAffectedSets.incidentId, incidentId),
        inArray(incidentAffectedSets.status, ["selecting", "selected", "committed", "failed"]),
      ),
    )
    .orderBy(desc(incidentAffectedSets.createdAt))
    .limit(5);
  const committed = rows.find((r) => r.status === "committed");
  const draft = rows.find((r) => r.status !== "committed");
  // A failed one only while it is newer than the committed one.
  const showDraft =
    draft && (!committed || draft.createdAt > committed.createdAt) ? draft : undefined;
  return { draft: showDraft, committed };
}

/** The merchants a selection can name, by name. */
export async function merchantOptions(tx: Tx, orgId: string) {
  return tx
    .select({ id: merchants.id, name: merchants.name, city: merchants.city })
    .from(merchants)
    .where(eq(merchants.orgId, orgId))
    .orderBy(asc(merchants.name))
    .limit(500);
}
