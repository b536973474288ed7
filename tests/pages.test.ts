import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every page under app/, found on disk, either calls requirePage in the page component itself
 * (signed in, nothing pending, the permission held: lib/core/auth/guard.ts) or is declared public
 * here with the reason.
 */
const PUBLIC_PAGES: Record<string, string> = {
  "app/(auth)/sign-in/page.tsx": "the sign-in form: how a visitor becomes signed in",
  "app/(auth)/invitations/[org]/page.tsx":
    "an invitation's link: the emailed token (in the fragment) is the capability; an existing account signs in on the page",
  "app/(console)/settings/page.tsx":
    "renders nothing: redirects to /settings/organization, whose page checks",
  "app/(portal)/p/[org]/policies/[slug]/page.tsx": "the public portal: a published, public policy",
  "app/(portal)/p/[org]/policies/[slug]/v/[version]/page.tsx":
    "the public portal: a published or superseded version of a public policy",
  "app/(portal)/p/[org]/certificates/page.tsx":
    "the public portal: checks a training certificate's code, showing only the holder's initial",
  "app/(portal)/p/[org]/preferences/page.tsx":
    "the public portal: the preference center, behind its own one-time-code session",
  "app/(portal)/p/[org]/requests/page.tsx":
    "the public portal: submitting a request, behind its own one-time-code session",
  "app/(portal)/p/[org]/requests/track/page.tsx":
    "the public portal: tracking a request by the token in the URL fragment",
  "app/unavailable/page.tsx": "the database is unreachable: a static notice that reads nothing",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
const pages = filesUnder("app")
  .filter((path) => path.endsWith("/page.tsx"))
  .map((path) => relative(process.cwd(), path))
  .sort();

/** Whether the default-exported page component calls requirePage (not a helper, not another export). */
function pageCallsRequirePage(path: string): boolean {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const page = source.statements.find(
    (s): s is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(s) &&
      (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword),
  );
  let found = false;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "requirePage"
    )
      found = true;
    else ts.forEachChild(node, visit);
  };
  if (page?.body) visit(page.body);
  return found;
}

describe("every page", () => {
  it("is found on disk", () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(pages.filter((p) => p.startsWith("app/(console)/"))).toContain(
      "app/(console)/vendors/page.tsx",
    );
  });

  it("lists as public only pages that exist", () => {
    expect(Object.keys(PUBLIC_PAGES).filter((p) => !pages.includes(p))).toEqual([]);
  });

  it.each(pages.filter((p) => !PUBLIC_PAGES[p]))("%s calls requirePage", (page) => {
    expect(pageCallsRequirePage(page)).toBe(true);
  });

  it.each(Object.keys(PUBLIC_PAGES).filter((p) => p.startsWith("app/(console)/")))(
    "%s, a public console page, renders nothing itself",
    (page) => {
      expect(readFileSync(page, "utf8")).toMatch(/redirect\(/);
    },
  );
});
