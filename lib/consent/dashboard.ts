import "server-only";
import type { Tx } from "@/db/client";
import type { LocalizedText } from "@/db/schema/policies";
import type { ConsentKind } from "@/db/schema/purposes";
import { weeklySeries } from "./dashboard-series";
import { optInRate, stateFigures } from "./dashboard-state";

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
  /** When the consent-rollup job took the state figures (purposes, reconsent, gpcCustomers); null: just now. */
  stateAsOf: string | null;
}

/** The Mondays (YYYY-MM-DD, China time) of the window, oldest first, ending with this week. */
export function windowWeeks(now: Date): string[] {
  const day = new Date(now.getTime() + 8 * 3_600_000); // shift to UTC+8, then read UTC fields
  const monday = new Date(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate() - ((day.getUTCDay() + 6) % 7),
    ),
  );
  return Array.from({ length: WEEKS }, (_, i) =>
    new Date(monday.getTime() - (WEEKS - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * Everything the consent dashboard shows: the window's weekly series (rolled-up days plus the
 * days since, exact) and the present state per purpose (the job's snapshot, with its time).
 */
export async function consentDashboard(
  tx: Tx,
  orgId: string,
  now = new Date(),
): Promise<ConsentDashboard> {
  const weeks = windowWeeks(now);
  // One connection runs one query at a time: awaited in turn, not Promise.all.
  const series = await weeklySeries(tx, orgId, weeks);
  const state = await stateFigures(tx, orgId);
  const all = Object.values(series).flat();
  const sum = (key: "withdrawals" | "gpc" | "decisions") => all.reduce((n, p) => n + p[key], 0);
  return {
    purposes: state.purposes,
    weeks,
    series,
    totals: {
      withdrawals: sum("withdrawals"),
      gpcOptOuts: sum("gpc"),
      gpcCustomers: state.gpcCustomers,
      events: sum("decisions"),
    },
    reconsent: state.reconsent,
    stateAsOf: state.asOf,
  };
}

/** Opt-in rate of one week's decisions (grants among all decisions), null for a week without any. */
export const weekRate = (p: WeekPoint) => optInRate(p.grants, p.decisions);
