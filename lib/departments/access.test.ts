import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/(console)/departments/[id]/export/route";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { departmentWith } from "@/lib/compliance-audits/test-support";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg } from "@/tests/factories";
import { mayViewDepartment } from "./access";
import { departmentOverview } from "./overview";
import { listDepartments } from "./queries";

afterAll(closeAppDb);

let orgId: string;
let otherOrg: string;
let manager: string;
let otherManager: string;
let officer: string;
let auditor: string;
let service: string;
let marketing: string;
let foreign: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  ({ orgId: otherOrg } = await createOrg());
  [manager, otherManager, officer, auditor] = [
    await createMember(orgId, "manager"),
    await createMember(orgId, "manager"),
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "auditor"),
  ];
  service = await departmentWith(orgId, "客服", [manager], manager);
  marketing = await departmentWith(orgId, "市场", [otherManager], otherManager);
  foreign = await departmentWith(otherOrg, "客服", []);
});

const may = (
  userId: string,
  role: "manager" | "privacy_officer" | "auditor",
  id: string,
  org = orgId,
) => withTenant(org, (tx) => mayViewDepartment(tx, org, { userId, role }, id));
const exported = async (id: string) =>
  exportRoute(new Request("http://localhost/x"), { params: Promise.resolve({ id }) });

describe("a manager sees only the departments they head", () => {
  it("opens their own department and no other; officers and auditors open every one", async () => {
    expect(await may(manager, "manager", service)).toBe(true);
    expect(await may(manager, "manager", marketing)).toBe(false);
    expect(await may(officer, "privacy_officer", marketing)).toBe(true);
    expect(await may(auditor, "auditor", service)).toBe(true);
  });

  it("never reaches another organisation's department, whatever the role", async () => {
    expect(await may(officer, "privacy_officer", foreign)).toBe(false);
    expect(await may(manager, "manager", foreign)).toBe(false);
  });

  it("lists only the departments they head", async () => {
    const page = await withTenant(orgId, (tx) =>
      listDepartments(tx, orgId, { limit: 50, headedBy: manager }),
    );
    expect(page.rows.map((r) => r.id)).toEqual([service]);
  });

  it("exports their own department as CSV (audited) and is refused another's or another organisation's", async () => {
    await actAs(manager, orgId);
    const own = await exported(service);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Test manager");
    expect(await lastAudit(orgId)).toMatchObject({
      action: "department.exported",
      targetId: service,
      details: { people: 1, findings: 0 },
    });
    expect((await exported(marketing)).status).toBe(404);
    expect((await exported(foreign)).status).toBe(404);
    await actAs(officer, orgId);
    expect((await exported(marketing)).status).toBe(200);
  });

  it("the overview counts the department's own people only", async () => {
    const overview = await withTenant(orgId, (tx) =>
      departmentOverview(tx, orgId, { userId: manager, role: "manager" }, service),
    );
    expect(overview.people.map((p) => p.userId)).toEqual([manager]);
    expect(overview.findings).toEqual([]);
    expect(overview.incidents).toEqual([]);
  });
});
