import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

/**
 * What an organisation key version protects, one count per kind of value:
 * - dataKeys: live customer data keys wrapped by it (destroyed ones protect nothing);
 * - voucherCodes, importFiles: org-owned secrets sealed under it directly;
 * - blindIndexes: customers with at least one blind index whose data key it wraps — rotation
 *   recomputes those indexes under the new index key in the same step as it rewraps the key.
 * Rotation progress (total, done) and the key inventory both count with this one definition.
 */
export interface ProtectedValues {
  dataKeys: number;
  voucherCodes: number;
  importFiles: number;
  blindIndexes: number;
}

export const noValues = (): ProtectedValues => ({
  dataKeys: 0,
  voucherCodes: 0,
  importFiles: 0,
  blindIndexes: 0,
});
export const totalOf = (v: ProtectedValues) =>
  v.dataKeys + v.voucherCodes + v.importFiles + v.blindIndexes;

/** Protected values per organisation key version (versions protecting nothing are absent). */
export async function protectedByVersion(
  tx: Tx,
  orgId: string,
): Promise<Map<number, ProtectedValues>> {
  const { rows } = await tx.execute<{
    version: number;
    data_keys: number;
    voucher_codes: number;
    import_files: number;
    blind_indexes: number;
  }>(sql`
    select version, sum(dk)::int as data_keys, sum(vc)::int as voucher_codes, sum(f)::int as import_files, sum(bi)::int as blind_indexes
    from (
      select org_key_version as version, count(*) as dk, 0 as vc, 0 as f, 0 as bi
        from data_keys where org_id = ${orgId} and wrapped_key is not null group by 1
      union all
      select redemption_code_key_version, 0, count(*), 0, 0
        from vouchers where org_id = ${orgId} and redemption_code_enc is not null group by 1
      union all
      select file_key_version, 0, 0, count(*), 0
        from customer_imports where org_id = ${orgId} and file_enc is not null group by 1
      union all
      select d.org_key_version, 0, 0, 0, count(*)
        from customers c join data_keys d on d.org_id = c.org_id and d.subject_id = c.id
        where c.org_id = ${orgId} and d.wrapped_key is not null
          and (c.phone_bidx is not null or c.email_bidx is not null or c.national_id_bidx is not null)
        group by 1
    ) counted
    group by version`);
  return new Map(
    rows.map((r) => [
      Number(r.version),
      {
        dataKeys: Number(r.data_keys),
        voucherCodes: Number(r.voucher_codes),
        importFiles: Number(r.import_files),
        blindIndexes: Number(r.blind_indexes),
      },
    ]),
  );
}

/** Everything still under a version older than `version`: what a rotation to it must move. */
export async function protectedBelow(
  tx: Tx,
  orgId: string,
  version: number,
): Promise<ProtectedValues> {
  const sum = noValues();
  for (const [v, values] of await protectedByVersion(tx, orgId)) {
    if (v >= version) continue;
    for (const kind of Object.keys(sum) as Array<keyof ProtectedValues>) sum[kind] += values[kind];
  }
  return sum;
}
