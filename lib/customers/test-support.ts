/** Builders shared by the customer tests. */
import { and, eq } from "drizzle-orm";
import { auditEvents, customers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { auditEachUpsert, upsertCustomers } from "@/lib/customers/commands";
import type { z } from "zod";
import { customerInput } from "@/lib/customers/schemas";

export const system = { type: "system", id: "customers-test" } as const;

/** Parses raw inputs as the API and forms do, then upserts them in one transaction audited as the system. */
export const upsert = (orgId: string, raw: z.input<typeof customerInput>[]) =>
  inTenant(orgId, system, async (ctx) => {
    const results = await upsertCustomers(
      ctx.tx,
      orgId,
      raw.map((r) => customerInput.parse(r)),
    );
    await auditEachUpsert(ctx, results);
    return results;
  });

/** The stored row, ciphertext included (tests only: the app reads summaries). */
export const storedRow = async (orgId: string, id: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, id))),
    )
  )[0];

/** Audit events about one customer, oldest first. */
export const eventsFor = (orgId: string, id: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.targetId, id)))
      .orderBy(auditEvents.seq),
  );
