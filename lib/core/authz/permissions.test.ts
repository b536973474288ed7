import { describe, expect, it } from "vitest";
import { roles, type Role } from "@/db/schema/users";
import { allPermissions, can, type Permission } from "./permissions";

// The whole map as a table: a change to who may do what shows up here as a deliberate edit.
const expected: Record<Permission, Role[]> = {
  "overview.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "organization.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "organization.update": ["owner", "admin"],
  "organization.create": ["owner"],
  "users.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "users.invite": ["owner", "admin"],
  "users.update": ["owner", "admin"],
  "departments.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "departments.manage": ["owner", "admin"],
  "vendors.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "vendors.create": ["owner", "admin", "privacy_officer"],
  "vendors.update": ["owner", "admin", "privacy_officer"],
  "vendors.archive": ["owner", "admin", "privacy_officer"],
  "vendors.export": ["owner", "admin", "privacy_officer", "auditor"],
  "audit.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "audit.export": ["owner", "admin", "privacy_officer", "auditor"],
  "audit.checkpoint": ["owner", "admin", "privacy_officer"],
  "customers.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "customers.reveal": ["owner", "admin", "privacy_officer"],
  "customers.import": ["owner", "admin", "privacy_officer"],
  "keys.read": ["owner", "admin", "privacy_officer", "auditor"],
  "keys.rotate": ["owner", "admin"],
  "api.read": ["owner", "admin", "privacy_officer", "auditor"],
  "api.manage": ["owner", "admin"],
  "policies.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "policies.edit": ["owner", "admin", "privacy_officer"],
  "policies.approve": ["owner", "admin", "privacy_officer"],
  "policies.publish": ["owner", "admin", "privacy_officer"],
  "acknowledgements.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "purposes.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "purposes.edit": ["owner", "admin", "privacy_officer"],
  "consent.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "consent.record": ["owner", "admin", "privacy_officer"],
  "consent.export": ["owner", "admin", "privacy_officer", "auditor"],
  "outbox.read": ["owner", "admin", "privacy_officer"],
  "requests.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "requests.create": ["owner", "admin", "privacy_officer", "manager", "employee"],
  "requests.handle": ["owner", "admin", "privacy_officer"],
  "calendar.manage": ["owner", "admin", "privacy_officer"],
  "clocks.manage": ["owner", "admin", "privacy_officer"],
  "security_tests.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "security_tests.manage": ["owner", "admin", "privacy_officer"],
  "security_tests.export": ["owner", "admin", "privacy_officer", "auditor"],
  "risks.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "risks.manage": ["owner", "admin", "privacy_officer"],
  "risks.approve": ["owner", "admin", "privacy_officer"],
  "systems.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "systems.manage": ["owner", "admin", "privacy_officer"],
  "incidents.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "incidents.report": ["owner", "admin", "privacy_officer", "manager", "employee"],
  "incidents.manage": ["owner", "admin", "privacy_officer"],
  "incidentRecords.read": ["owner", "admin", "privacy_officer", "auditor"],
  "incidentClocks.manage": ["owner", "admin"],
  "training.read": ["owner", "admin", "privacy_officer", "manager", "employee", "auditor"],
  "training.take": ["owner", "admin", "privacy_officer", "manager", "employee"],
  "training.manage": ["owner", "admin", "privacy_officer"],
  "trainingRecords.read": ["owner", "admin", "privacy_officer", "manager", "auditor"],
  "requirements.read": ["owner", "admin", "privacy_officer", "auditor"],
  "controls.read": ["owner", "admin", "privacy_officer", "auditor"],
  "controls.evaluate": ["owner", "admin", "privacy_officer"],
  "compliance_audits.read": ["owner", "admin", "privacy_officer", "auditor"],
  "compliance_audits.manage": ["owner", "admin", "privacy_officer"],
  "compliance_audits.export": ["owner", "admin", "privacy_officer", "auditor"],
  "audit_findings.respond": ["owner", "admin", "privacy_officer", "manager", "employee"],
};

describe("permission map", () => {
  it("covers every permission in the table", () => {
    expect(Object.keys(expected).sort()).toEqual([...allPermissions].sort());
  });
  it.each(Object.entries(expected))("%s is held by exactly %j", (permission, holders) => {
    expect(roles.filter((role) => can(role, permission as Permission))).toEqual(holders);
  });
  it("keeps the auditor read-only", () => {
    const writes = allPermissions.filter((p) => can("auditor", p) && !/\.(read|export)$/.test(p));
    expect(writes).toEqual([]);
  });
});
