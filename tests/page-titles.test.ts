import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** Pages that only redirect: the browser never shows them, so they need no title. */
const redirectOnly = new Set(["app/(console)/start/page.tsx", "app/(console)/settings/page.tsx"]);

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? pages(path)
      : entry.name === "page.tsx"
        ? [relative(process.cwd(), path)]
        : [];
  });
}

describe("page titles", () => {
  it("every console page names itself in the browser tab", () => {
    const untitled = pages("app/(console)")
      .filter((p) => !redirectOnly.has(p))
      .filter(
        (p) =>
          !/export (async function generateMetadata|const metadata)/.test(readFileSync(p, "utf8")),
      );
    expect(untitled).toEqual([]);
  });
});
