/** Small measuring helpers for the benchmark suites. */

export const now = () => performance.now();

/** The p-th percentile (0–100) of samples in milliseconds, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `fn` once per item, sequentially, returning each run's duration in ms. */
export async function timeEach<T>(
  items: T[],
  fn: (item: T) => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (const item of items) {
    const start = now();
    await fn(item);
    samples.push(now() - start);
  }
  return samples;
}

export interface Row {
  measure: string;
  value: string;
  baseline?: string;
  ratio?: string;
  target?: string;
  /** undefined: informational, no target. */
  pass?: boolean;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const perSecond = (n: number) => `${fmt(n)}/s`;
export const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;
export const percent = (n: number) => `${fmt(n * 100)}%`;

/** A plain-text table, PASS/FAIL in the last column. */
export function printTable(title: string, rows: Row[]): void {
  const header = ["measure", "value", "baseline (same run)", "ratio", "target", "result"];
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.baseline ?? "",
    r.ratio ?? "",
    r.target ?? "",
    r.pass === undefined ? "" : r.pass ? "PASS" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const c of cells) console.log(line(c));
}
