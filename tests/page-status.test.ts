import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/**
 * A page's refusal (403), not-found (404) and redirect are HTTP statuses only while nothing has
 * been sent. A Suspense boundary above a page's guard (a loading.tsx at or above its segment, or
 * a <Suspense> in a layout) lets Next send the fallback, and with it 200, before the guard runs;
 * the e2e test pages-status.spec.ts checks the statuses themselves.
 */
describe("pages answer their guard's status", () => {
  it("no segment has a loading.tsx", () => {
    expect(filesUnder("app").filter((f) => /\/loading\.(tsx|ts|jsx|js)$/.test(f))).toEqual([]);
  });

  it("no layout wraps its children in Suspense", () => {
    const layouts = filesUnder("app").filter((f) => /\/layout\.tsx$/.test(f));
    expect(layouts.length).toBeGreaterThan(0);
    expect(layouts.filter((f) => /<Suspense\b/.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});
