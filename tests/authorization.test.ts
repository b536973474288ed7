import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { roles, type Role } from "@/db/schema";
import { actionPermissions, type ServerAction } from "@/lib/core/actions/define-action";
import { routePermissions } from "@/lib/core/actions/define-route";
import { can, type Permission } from "@/lib/core/authz/permissions";
import { portalActionSessions, type PortalAction } from "@/lib/portal/define-portal-action";
import { actAs, createMember, createOrg, form } from "./factories";
import { currentActor } from "./setup";

/**
 * Every server action and route handler under app/, found on disk, is tried as every role that
 * lacks its permission, as a signed-out visitor and as a person with 2FA enrolment pending. Each
 * must be refused, and a refusal must leave the database exactly as it was. The public portal's
 * actions (under app/(portal)) are built with definePortalAction instead: each is tried for an
 * organisation that does not exist and, when it needs a portal session, by a visitor without one.
 */

// The portal's actions read the visitor's cookies (none: no portal session) and address.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () =>
    new Headers({ "x-forwarded-for": "198.51.100.77", "user-agent": "Mozilla/5.0 test" }),
}));
vi.mock("next-intl/server", async (original) => ({
  ...(await original<object>()),
  getLocale: async () => "zh-CN",
}));

const PORTAL_ACTIONS = "app/(portal)/";
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "next-auth's own endpoints: sign-in is how a visitor authenticates",
  "app/api/health/route.ts": "liveness probe; returns no data",
  "app/api/ready/route.ts":
    "readiness probe: which checks pass (database, migrations, worker); returns no data",
  "app/api/metrics/route.ts":
    "Prometheus scrape: answers only a bearer METRICS_TOKEN (404 when unset, 401 otherwise), counts only (lib/core/metrics/metrics.test.ts)",
  "app/.well-known/gpc.json/route.ts":
    "Global Privacy Control support statement: a constant, read by browsers and crawlers",
  "app/(portal)/p/[org]/requests/track/download/route.ts":
    "requester's data package: the tracking token in the POST body is the capability; rate-limited per address, audited as the customer (lib/requests/requester/portal.test.ts)",
};
/** Public actions that are neither defineAction nor definePortalAction, each with its reason. */
const PUBLIC_ACTIONS: Record<string, string> = {
  "app/(portal)/p/[org]/requests/track/actions.ts":
    "request tracking: the tracking token in the POST body is the capability; rate-limited per address",
  "app/(auth)/invitations/[org]/actions.ts":
    "invitation acceptance: the emailed token in the POST body is the capability; an existing account must be signed in as the invited address (tests/people/invitations.test.ts)",
};
/**
 * The platform API authenticates API keys, not sessions: lib/api/authenticate.test.ts finds every
 * route under it the same way and proves each answers 401 without a valid key (openapi.json is
 * public: it documents the API and holds no data).
 */
const API_KEY_ROUTES = "app/api/v1/";
/** "use server" modules outside actions.ts: reads that write nothing, each listed with why. */
const READ_ONLY_SERVER_FUNCTIONS: Record<string, string> = {
  "app/(console)/customers/search-action.ts":
    "customer search: a POST so identifiers stay out of URLs; a read, so no audit event",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
const filesNamed = (dir: string, name: string) =>
  filesUnder(dir).filter((path) => path.endsWith(`/${name}`));
const rel = (path: string) => relative(process.cwd(), path);

let owner: Client;
let orgId: string;
let orgSlug: string;
const members = {} as Record<Role, string>;

/** Every table's rows as a hash, but for the tables named (which a refusal may write by design). */
async function fingerprint(except: string[] = []): Promise<string> {
  const { rows } = await owner.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const parts = [];
  for (const { table_name } of rows.filter((r) => !except.includes(r.table_name))) {
    const result = await owner.query(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table_name}" t`,
    );
    parts.push(`${table_name}:${result.rows[0].h}`);
  }
  return parts.join("\n");
}

beforeAll(async () => {
  owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  ({ orgId } = await createOrg());
  orgSlug = (
    await owner.query<{ slug: string }>("select slug from organizations where id = $1", [orgId])
  ).rows[0].slug;
  for (const role of roles) members[role] = await createMember(orgId, role);
});
afterAll(() => owner.end());

describe("every server action refuses whoever lacks its permission", async () => {
  const modules = filesNamed("app", "actions.ts").filter(
    (f) => !PUBLIC_ACTIONS[rel(f)] && !rel(f).startsWith(PORTAL_ACTIONS),
  );
  it("lists only public actions modules that exist", () => {
    for (const file of Object.keys(PUBLIC_ACTIONS))
      expect(filesNamed("app", "actions.ts").map(rel)).toContain(file);
  });
  it("finds the actions modules", () => expect(modules.length).toBeGreaterThan(0));

  for (const file of modules) {
    const exported = Object.entries(await import(/* @vite-ignore */ join(process.cwd(), file)));
    for (const [name, action] of exported) {
      const permission = actionPermissions.get(action as ServerAction);
      it(`${rel(file)} › ${name} is built with defineAction`, () =>
        expect(permission).toBeDefined());
      if (!permission) continue;
      const refusedRoles =
        permission === "self" ? [] : roles.filter((r) => !can(r, permission as Permission));

      it(`${rel(file)} › ${name} (${permission}) is refused and writes nothing`, async () => {
        const before = await fingerprint();
        const call = () =>
          (action as ServerAction)(
            { status: "idle" },
            form({ id: "00000000-0000-0000-0000-000000000000", name: "x" }),
          );
        currentActor.value = null;
        expect(await call()).toMatchObject({ status: "error", message: "errors.unauthenticated" });
        for (const role of refusedRoles) {
          await actAs(members[role], orgId);
          expect(await call(), `as ${role}`).toMatchObject({
            status: "error",
            message: "errors.forbidden",
          });
        }
        if (permission !== "self") {
          const allowed = roles.find((r) => can(r, permission as Permission))!;
          await actAs(members[allowed], orgId, "mfa_enrolment");
          expect(await call(), `as ${allowed} with 2FA enrolment pending`).toMatchObject({
            status: "error",
            message: "errors.forbidden",
          });
        }
        expect(await fingerprint()).toBe(before);
      });
    }
  }
});

describe("every portal action is built with definePortalAction and refuses without its organisation or session", async () => {
  const modules = filesNamed("app", "actions.ts").filter(
    (f) => rel(f).startsWith(PORTAL_ACTIONS) && !PUBLIC_ACTIONS[rel(f)],
  );
  it("finds the portal's actions modules", () => expect(modules.length).toBeGreaterThan(0));

  // Every field any portal form posts, valid, so that only the organisation or the session is missing.
  const fields = {
    purpose: "preferences",
    channel: "sms",
    contact: "13800138000",
    code: "123456",
    purposeId: "00000000-0000-4000-8000-000000000000",
    requestId: "00000000-0000-4000-8000-000000000000",
    choice: "grant",
    type: "access",
  };
  for (const file of modules) {
    for (const [name, action] of Object.entries(
      await import(/* @vite-ignore */ join(process.cwd(), file)),
    )) {
      const built = portalActionSessions.has(action as object);
      it(`${rel(file)} › ${name} is built with definePortalAction`, () => expect(built).toBe(true));
      if (!built) continue;
      const session = portalActionSessions.get(action as object);
      // A try counts against the address's throttle even when refused (rate_limit_buckets); nothing else is written.
      it(`${rel(file)} › ${name} refuses an unknown organisation${session ? ` and a visitor without a "${session}" session` : ""}, writing nothing`, async () => {
        const before = await fingerprint(["rate_limit_buckets"]);
        const call = (slug: string) =>
          (action as PortalAction)({ status: "idle" }, form({ org: slug, ...fields }));
        expect(await call("no-such-organisation")).toMatchObject({ status: "error" });
        if (session)
          expect(await call(orgSlug)).toMatchObject({
            status: "error",
            message: expect.stringMatching(/\.sessionExpired$/),
          });
        expect(await fingerprint(["rate_limit_buckets"])).toBe(before);
      });
    }
  }
});

describe("every route handler refuses whoever lacks its permission", async () => {
  const modules = filesNamed("app", "route.ts").filter(
    (f) => !PUBLIC_ROUTES[rel(f)] && !rel(f).startsWith(API_KEY_ROUTES),
  );
  for (const file of modules) {
    const exported = Object.entries(
      await import(/* @vite-ignore */ join(process.cwd(), file)),
    ).filter(([name]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
    for (const [method, handler] of exported) {
      const permission = routePermissions.get(handler as never);
      it(`${rel(file)} › ${method} is built with defineRoute`, () =>
        expect(permission).toBeDefined());
      if (!permission) continue;
      it(`${rel(file)} › ${method} (${permission}) is refused and writes nothing`, async () => {
        const before = await fingerprint();
        const call = () =>
          (handler as (r: Request, c: unknown) => Promise<Response>)(
            new Request("http://localhost/x", { method }),
            { params: Promise.resolve({ id: "00000000-0000-0000-0000-000000000000" }) },
          );
        currentActor.value = null;
        expect((await call()).status).toBe(401);
        for (const role of roles.filter((r) => !can(r, permission))) {
          await actAs(members[role], orgId);
          expect((await call()).status, `as ${role}`).toBe(403);
        }
        expect(await fingerprint()).toBe(before);
      });
    }
  }
});

describe("every other server function is a listed read that refuses without a session", async () => {
  const modules = filesUnder("app").filter(
    (f) =>
      /\.tsx?$/.test(f) &&
      !f.endsWith("/actions.ts") &&
      /^\s*["']use server["']/.test(readFileSync(f, "utf8")),
  );
  it("finds exactly the listed modules", () =>
    expect(modules.map(rel).sort()).toEqual(Object.keys(READ_ONLY_SERVER_FUNCTIONS).sort()));

  for (const file of modules) {
    for (const [name, fn] of Object.entries(
      await import(/* @vite-ignore */ join(process.cwd(), file)),
    )) {
      it(`${rel(file)} › ${name} is refused signed out and with 2FA pending, and writes nothing`, async () => {
        const before = await fingerprint();
        const call = () =>
          (fn as ServerAction)({ status: "idle" }, form({ by: "phone", q: "13800138000" }));
        currentActor.value = null;
        expect(await call()).toMatchObject({ status: "error", message: "errors.unauthenticated" });
        await actAs(members.owner, orgId, "mfa_enrolment");
        expect(await call()).toMatchObject({ status: "error", message: "errors.forbidden" });
        expect(await fingerprint()).toBe(before);
      });
    }
  }
});
