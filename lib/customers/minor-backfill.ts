import "server-only";
import { and, asc, eq, gt, isNotNull, ne, or, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import type { AuditActor } from "@/lib/core/audit/record";
import { inTenant } from "@/lib/core/tenancy/context";
import { dataKeysFor } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { fieldContext } from "@/lib/customers/fields";
import { minorBornOn } from "@/lib/customers/minor-age";

/** Rows decrypted per transaction: a few milliseconds of AES each, and row locks held briefly. */
export const BACKFILL_BATCH = 500;
const ACTOR: AuditActor = { type: "system", id: "minor-backfill" };

/**
 * `minor_born_on` for customers written before it existed (PIPL Art. 31, GDPR Art. 8, CCPA
 * §1798.120(c)), and again for those whose age it no longer reaches (turned 16: cleared). The birth date and ID
 * number are sealed under each customer's own key, so no SQL can derive it: this reads them back
 * through the vault's own keys (dataKeysFor, decryptField), a batch per transaction in id order,
 * writes only the rows whose value changes, and audits each batch with counts (no values). It is
 * idempotent and resumable: pass the `next` id of the last batch, or start again from nothing.
 */
export async function backfillMinorBornOn(
  orgId: string,
  after: string | null = null,
  batch = BACKFILL_BATCH,
) {
  return inTenant(orgId, ACTOR, async ({ tx, audit }) => {
    const rows = await tx
      .select({
        id: customers.id,
        birthDateEnc: customers.birthDateEnc,
        nationalIdEnc: customers.nationalIdEnc,
        minorBornOn: customers.minorBornOn,
      })
      .from(customers)
      .where(
        and(
          eq(customers.orgId, orgId),
          ne(customers.status, "erased"),
          after ? gt(customers.id, after) : undefined,
          or(isNotNull(customers.birthDateEnc), isNotNull(customers.nationalIdEnc)),
        ),
      )
      .orderBy(asc(customers.id))
      .limit(batch)
      .for("update");
    if (rows.length === 0) return { scanned: 0, updated: 0, next: null };
    const keys = await dataKeysFor(
      tx,
      orgId,
      rows.map((r) => r.id),
    );
    const open = (id: string, field: "birthDate" | "nationalId", blob: Buffer | null) =>
      blob ? decryptField(keys.get(id)!, blob, fieldContext(orgId, id, field)) : null;
    const changed = rows.flatMap((r) => {
      const bornOn = minorBornOn({
        birthDate: open(r.id, "birthDate", r.birthDateEnc),
        nationalId: open(r.id, "nationalId", r.nationalIdEnc),
      });
      return bornOn === r.minorBornOn ? [] : [{ id: r.id, bornOn }];
    });
    if (changed.length > 0) {
      // A derived column the changes feed does not carry: change_tx stays, so platforms are not sent these rows again.
      await tx.execute(sql`update ${customers} set minor_born_on = u.born_on
        from unnest(${sql.param(changed.map((c) => c.id))}::uuid[], ${sql.param(changed.map((c) => c.bornOn))}::date[]) as u(id, born_on)
        where ${customers.orgId} = ${orgId} and ${customers.id} = u.id`);
    }
    await audit({
      action: "customer.minors_backfilled",
      targetType: "organization",
      targetId: orgId,
      details: { scanned: rows.length, updated: changed.length },
    });
    return {
      scanned: rows.length,
      updated: changed.length,
      next: rows.length < batch ? null : rows.at(-1)!.id,
    };
  });
}
