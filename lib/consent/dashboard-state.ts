import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { PurposeCounts, ReconsentProgress } from "./dashboard";

/** The dashboard's figures read from consent_state: they describe the present, not the window. */
export interface StateFigures {
  purposes: PurposeCounts[];
  reconsent: ReconsentProgress[];
  gpcCustomers: number;
  /** When the snapshot they come from was taken; null when computed just now. */
  asOf: string | null;
}

type CountsRow = Omit<PurposeCounts, "optInRate">;

/** Grants among all decisions; null when there are none. */
export const optInRate = (granted: number, decided: number) =>
  decided === 0 ? null : granted / decided;

const withRate = (r: CountsRow): PurposeCounts => ({
  ...r,
  optInRate: optInRate(r.granted, r.granted + r.denied + r.withdrawn),
});

/**
 * Current counts per purpose: a GROUP BY over consent_state_purpose_idx (org_id, purpose_id,
 * status), an index-only scan, yet still every state row (~1 s at 6.5M rows).
 */
async function livePurposeCounts(tx: Tx, orgId: string): Promise<PurposeCounts[]> {
  const result = await tx.execute<CountsRow>(sql`
    select p.id, p.code, p.name, p.consent_kind as kind,
      coalesce(s.granted, 0)::int as granted, coalesce(s.denied, 0)::int as denied, coalesce(s.withdrawn, 0)::int as withdrawn
    from purposes p
    left join (
      select purpose_id,
        count(*) filter (where status = 'granted') as granted,
        count(*) filter (where status = 'denied') as denied,
        count(*) filter (where status = 'withdrawn') as withdrawn
      from consent_state where org_id = ${orgId} group by purpose_id
    ) s on s.purpose_id = p.id
    where p.org_id = ${orgId} and p.archived_at is null
    order by p.code`);
  return result.rows.map(withRate);
}

/**
 * Re-consent after a material change, for purposes with `reconsent_since`: customers whose grant
 * predates it (still waiting) against those who granted again after it (and had granted before).
 */
async function liveReconsent(tx: Tx, orgId: string): Promise<ReconsentProgress[]> {
  const result = await tx.execute<Pick<ReconsentProgress, keyof ReconsentProgress>>(sql`
    select p.id, p.code, p.name, to_char(p.reconsent_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as since,
      (select count(*)::int from consent_state s
        where s.org_id = p.org_id and s.purpose_id = p.id and s.status = 'granted' and s.occurred_at < p.reconsent_since) as waiting,
      (select count(*)::int from consent_state s
        where s.org_id = p.org_id and s.purpose_id = p.id and s.status = 'granted' and s.occurred_at >= p.reconsent_since
          and exists (select 1 from consent_events e
            where e.org_id = s.org_id and e.customer_id = s.customer_id and e.occurred_at < p.reconsent_since
              and e.purpose_id = p.id and e.action = 'grant')) as reconsented
    from purposes p
    where p.org_id = ${orgId} and p.reconsent_since is not null and p.archived_at is null
    order by p.code`);
  return result.rows;
}

/** Customers currently opted out by a Global Privacy Control signal of a purpose that is a sale or sharing under CCPA (its opt-out basis). */
async function liveGpcCustomers(tx: Tx, orgId: string): Promise<number> {
  const result = await tx.execute<{ n: number }>(sql`
    select count(distinct s.customer_id)::int as n from consent_state s
    where s.org_id = ${orgId} and s.status in ('denied', 'withdrawn') and s.gpc
      and s.purpose_id in (select id from purposes where org_id = ${orgId} and bases->>'CCPA' = 'opt_out')`);
  return result.rows[0]?.n ?? 0;
}

/** The state figures computed now: what the consent-rollup job snapshots, and the fallback before its first run. */
export async function liveStateFigures(tx: Tx, orgId: string): Promise<StateFigures> {
  // One connection runs one query at a time: awaited in turn, not Promise.all.
  const purposes = await livePurposeCounts(tx, orgId);
  const reconsent = await liveReconsent(tx, orgId);
  const gpcCustomers = await liveGpcCustomers(tx, orgId);
  return { purposes, reconsent, gpcCustomers, asOf: null };
}

/** The figures of the last snapshot, against today's catalogue (a purpose added since counts zero). */
async function snapshotFigures(
  tx: Tx,
  orgId: string,
  asOf: string,
  gpcCustomers: number,
): Promise<StateFigures> {
  const rows = await tx.execute<
    CountsRow & { since: string | null; waiting: number | null; reconsented: number | null }
  >(sql`
    select p.id, p.code, p.name, p.consent_kind as kind,
      coalesce(s.granted, 0) as granted, coalesce(s.denied, 0) as denied, coalesce(s.withdrawn, 0) as withdrawn,
      to_char(s.reconsent_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as since, s.waiting, s.reconsented
    from purposes p
    left join consent_purpose_snapshots s on s.org_id = p.org_id and s.purpose_id = p.id
    where p.org_id = ${orgId} and p.archived_at is null
    order by p.code`);
  const reconsent = rows.rows.flatMap(({ id, code, name, since, waiting, reconsented }) =>
    since === null
      ? []
      : [{ id, code, name, since, waiting: waiting ?? 0, reconsented: reconsented ?? 0 }],
  );
  const purposes = rows.rows.map(({ id, code, name, kind, granted, denied, withdrawn }) =>
    withRate({ id, code, name, kind, granted, denied, withdrawn }),
  );
  return { purposes, reconsent, gpcCustomers, asOf };
}

/**
 * The state figures as of the consent-rollup job's last snapshot (counting millions of state rows
 * takes seconds; the job refreshes it every 15 minutes), or computed now before the first one.
 */
export async function stateFigures(tx: Tx, orgId: string): Promise<StateFigures> {
  const mark = await tx.execute<{ as_of: string | null; gpc_customers: number | null }>(sql`
    select to_char(snapshot_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as as_of, gpc_customers
    from consent_rollup_state where org_id = ${orgId}`);
  const { as_of: asOf, gpc_customers: gpc } = mark.rows[0] ?? { as_of: null, gpc_customers: null };
  return asOf === null ? liveStateFigures(tx, orgId) : snapshotFigures(tx, orgId, asOf, gpc ?? 0);
}
