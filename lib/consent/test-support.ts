/** Builders shared by the consent tests: customers and purposes inserted directly, and the check run alone. */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { customers, purposes } from "@/db/schema";
import type { ConsentKind, PurposeBases } from "@/db/schema/purposes";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import type { Executor, Tx } from "@/db/client";
import { consentCheckCall, decisionOf, type ConsentCheckRow, type Decision } from "./check";

const text = (s: string) => ({ "zh-CN": s, en: s });

export interface PurposeSpec {
  code?: string;
  /** Default: consent under PIPL, the test organisations' law. */
  bases?: PurposeBases;
  consentKind?: ConsentKind;
  required?: boolean;
  archived?: boolean;
  policyDocumentId?: string | null;
  dataCategories?: string[];
}

/** A purpose of the organisation; the code is unique per call unless given. */
export async function newPurpose(orgId: string, spec: PurposeSpec = {}) {
  const code = spec.code ?? `p_${randomBytes(4).toString("hex")}`;
  return withTenant(orgId, async (tx) => {
    const [row] = await tx
      .insert(purposes)
      .values({
        orgId,
        code,
        name: text(code),
        description: text(code),
        bases: spec.bases ?? { PIPL: "consent" },
        consentKind: spec.consentKind ?? "standard",
        required: spec.required ?? false,
        archivedAt: spec.archived ? new Date() : null,
        policyDocumentId: spec.policyDocumentId ?? null,
        dataCategories: spec.dataCategories ?? [],
      })
      .returning({ id: purposes.id, code: purposes.code });
    return row;
  });
}

/** A customer with only an external reference, and their laws and minority if given (no personal data is needed here). */
export async function newCustomer(
  orgId: string,
  externalRef = `c-${randomBytes(4).toString("hex")}`,
  status: "active" | "erased" = "active",
  extra: { laws?: string[]; region?: string; minorBornOn?: string } = {},
) {
  return withTenant(orgId, async (tx) => {
    const [row] = await tx
      .insert(customers)
      .values({ orgId, externalRef, status, ...extra })
      .returning({ id: customers.id, externalRef: customers.externalRef });
    return row;
  });
}

/** The audit callback a system actor would pass. */
export const systemAudit = (tx: Tx, orgId: string) => (entry: Parameters<typeof recordAudit>[3]) =>
  recordAudit(tx, orgId, { type: "system", id: "test" }, entry).then(() => undefined);

/** The check's SQL call run alone, as the API runs it joined to the key check: one statement. */
export async function checkConsent(
  db: Executor,
  orgId: string,
  externalRef: string,
  purposeCode: string,
): Promise<Decision> {
  const { rows } = await db.execute<ConsentCheckRow>(
    sql`select * from ${consentCheckCall(orgId, externalRef, purposeCode)}`,
  );
  return decisionOf(rows[0]);
}
