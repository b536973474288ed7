import { type WeekPoint, weekRate } from "./dashboard";
import { optInRate } from "./dashboard-state";

/** How many purposes a rate chart draws by name; the rest are one "other" line. */
export const TOP_PURPOSES = 5;

export interface RateLine {
  /** The purpose's id, or null for all the others together. */
  purposeId: string | null;
  /** Opt-in rate per week; null for a week without decisions. */
  rates: Array<number | null>;
}

/**
 * The purposes with the most decisions in the window, each as its own line, and the rest as one
 * "other" line whose weekly rate is their grants over their decisions (not an average of rates).
 * A chart of six lines stays readable whatever the catalogue's size.
 */
export function topRateLines(series: Record<string, WeekPoint[]>, top = TOP_PURPOSES): RateLine[] {
  const total = (points: WeekPoint[]) => points.reduce((n, p) => n + p.decisions, 0);
  const ranked = Object.entries(series).sort(([, a], [, b]) => total(b) - total(a));
  const lines: RateLine[] = ranked
    .slice(0, top)
    .map(([purposeId, points]) => ({ purposeId, rates: points.map(weekRate) }));
  const rest = ranked.slice(top).map(([, points]) => points);
  if (rest.length > 0) {
    const rates = rest[0].map((_, i) =>
      optInRate(
        rest.reduce((n, points) => n + points[i].grants, 0),
        rest.reduce((n, points) => n + points[i].decisions, 0),
      ),
    );
    lines.push({ purposeId: null, rates });
  }
  return lines;
}
