/** One row of a side-by-side diff: a line kept, removed from the left, added on the right, or both (changed). */
export interface DiffRow {
  kind: "same" | "removed" | "added" | "changed";
  left?: { line: number; text: string };
  right?: { line: number; text: string };
}

/**
 * Line diff by longest common subsequence (O(n·m); policy texts are a few hundred lines). Runs
 * of removals followed by additions are paired up as "changed" rows so the two sides align.
 */
export function diffLines(before: string, after: string): DiffRow[] {
  const a = before.replace(/\r\n?/g, "\n").split("\n");
  const b = after.replace(/\r\n?/g, "\n").split("\n");
  const lcs: Uint32Array[] = Array.from(
    { length: a.length + 1 },
    () => new Uint32Array(b.length + 1),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows: DiffRow[] = [];
  let removed: DiffRow[] = [];
  let added: DiffRow[] = [];
  const pairUp = () => {
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const left = removed[k]?.left;
      const right = added[k]?.right;
      rows.push({ kind: left && right ? "changed" : left ? "removed" : "added", left, right });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      pairUp();
      rows.push({
        kind: "same",
        left: { line: i + 1, text: a[i] },
        right: { line: j + 1, text: b[j] },
      });
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push({ kind: "added", right: { line: j + 1, text: b[j] } });
      j += 1;
    } else {
      removed.push({ kind: "removed", left: { line: i + 1, text: a[i] } });
      i += 1;
    }
  }
  pairUp();
  return rows;
}
