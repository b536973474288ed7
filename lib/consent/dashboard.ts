import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { LocalizedText } from "@/db/schema/policies";
import type { ConsentKind } from "@/db/schema/consent";

/** The dashboard's window: long enough to see a trend, short enough to stay a bounded range scan. */
export const WINDOW_DAYS = 90;
const WEEKS = Math.ceil(WINDOW_DAYS / 7);

export interface PurposeCounts {
  id: string;
  code: string;
  name: LocalizedText;
  kind: ConsentKind;
  granted: number;
  denied: number;
  withdrawn: number;
  /** granted / (granted + denied + withdrawn) among customers who decided; null when nobody has. */
  optInRate: number | null;
}

/** One week (Monday, China time) of decisions for one purpose. */
export interface WeekPoint {
  week: string;
  grants: number;
  decisions: number;
  withdrawals: number;
  gpc: number;
}

export interface ReconsentProgress {
  id: string;
  code: string;
  name: LocalizedText;
  since: string;
  /** Granted before `since` and not granted again since. */
  waiting: number;
  /** Had a grant before `since` and granted again after it. */
  reconsented: number;
}

export interface ConsentDashboard {
  purposes: PurposeCounts[];
  weeks: string[];
  series: Record<string, WeekPoint[]>;
  totals: { withdrawals: number; gpcOptOuts: number; gpcCustomers: number; events: number };
  reconsent: ReconsentProgress[];
}

const rate = (granted: number, total: number) => (total === 0 ? null : granted / total);

/** The Mondays (YYYY-MM-DD, China time) of the window, oldest first, ending with this week. */
export function windowWeeks(now: Date): string[] {
  const day = new Date(now.getTime() + 8 * 3_600_000); // shift to UTC+8, then read UTC fields
  const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
  return Array.from({ length: WEEKS }, (_, i) => new Date(monday.getTime() - (WEEKS - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Current counts per purpose from consent_state: a GROUP BY over consent_state_purpose_idx
 * (org_id, purpose_id, status), which PostgreSQL answers with an index-only scan.
 */
async function purposeCounts(tx: Tx, orgId: string): Promise<PurposeCounts[]> {
  const result = await tx.execute<{ id: string; code: string; name: LocalizedText; kind: ConsentKind; granted: number; denied: number; withdrawn: number }>(sql`
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
  return result.rows.map((r) => ({ ...r, optInRate: rate(r.granted, r.granted + r.denied + r.withdrawn) }));
}

/**
 * Weekly decisions per purpose over the window, from consent_events. The recorded_at bound makes
 * it a range of consent_events_recorded_idx (an event is recorded after it occurs); occurred_at
 * then buckets by when the customer decided.
 */
async function weeklySeries(tx: Tx, orgId: string, weeks: string[]) {
  const start = `${weeks[0]}T00:00:00+08:00`;
  const result = await tx.execute<{ purpose_id: string; week: string; grants: number; decisions: number; withdrawals: number; gpc: number }>(sql`
    select purpose_id,
      to_char(date_trunc('week', occurred_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as week,
      count(*) filter (where action = 'grant')::int as grants,
      count(*)::int as decisions,
      count(*) filter (where action = 'withdraw')::int as withdrawals,
      count(*) filter (where gpc)::int as gpc
    from consent_events
    where org_id = ${orgId} and recorded_at >= ${start}::timestamptz and occurred_at >= ${start}::timestamptz
    group by 1, 2`);
  const series: Record<string, WeekPoint[]> = {};
  for (const row of result.rows) {
    const points = (series[row.purpose_id] ??= weeks.map((week) => ({ week, grants: 0, decisions: 0, withdrawals: 0, gpc: 0 })));
    const point = points.find((p) => p.week === row.week);
    if (point) Object.assign(point, { grants: row.grants, decisions: row.decisions, withdrawals: row.withdrawals, gpc: row.gpc });
  }
  return series;
}

/**
 * Re-consent after a material change, for purposes with `reconsent_since`: customers whose grant
 * predates it (still waiting) against those who granted again after it (and had granted before).
 */
async function reconsentProgress(tx: Tx, orgId: string): Promise<ReconsentProgress[]> {
  const result = await tx.execute<{ id: string; code: string; name: LocalizedText; since: string; waiting: number; reconsented: number }>(sql`
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

/**
 * Customers currently opted out of an opt-out-kind purpose by a Global Privacy Control signal:
 * consent_state_purpose_idx narrows to the refused rows of those purposes before the gpc test.
 */
async function gpcCustomers(tx: Tx, orgId: string): Promise<number> {
  const result = await tx.execute<{ n: number }>(sql`
    select count(distinct s.customer_id)::int as n from consent_state s
    where s.org_id = ${orgId} and s.status in ('denied', 'withdrawn') and s.gpc
      and s.purpose_id in (select id from purposes where org_id = ${orgId} and consent_kind = 'opt_out')`);
  return result.rows[0]?.n ?? 0;
}

/** Everything the consent dashboard shows, in four aggregate queries. */
export async function consentDashboard(tx: Tx, orgId: string, now = new Date()): Promise<ConsentDashboard> {
  const weeks = windowWeeks(now);
  // One connection runs one query at a time: awaited in turn, not Promise.all.
  const counts = await purposeCounts(tx, orgId);
  const series = await weeklySeries(tx, orgId, weeks);
  const reconsent = await reconsentProgress(tx, orgId);
  const gpcNow = await gpcCustomers(tx, orgId);
  const all = Object.values(series).flat();
  const sum = (key: "withdrawals" | "gpc" | "decisions") => all.reduce((n, p) => n + p[key], 0);
  return {
    purposes: counts,
    weeks,
    series,
    totals: { withdrawals: sum("withdrawals"), gpcOptOuts: sum("gpc"), gpcCustomers: gpcNow, events: sum("decisions") },
    reconsent,
  };
}

/** Opt-in rate of one week's decisions (grants among all decisions), null for a week without any. */
export const weekRate = (p: WeekPoint) => rate(p.grants, p.decisions);
