import type { Role } from "@/db/schema/users";

/** What each role may do, as data: resource → actions. The UI hides; the server refuses. */
const resources = {
  overview: ["read"],
  organization: ["read", "update", "create"],
  users: ["read", "invite", "update"],
  departments: ["read", "manage"],
  vendors: ["read", "create", "update", "archive", "export"],
  audit: ["read", "export", "checkpoint"],
  customers: ["read", "reveal", "import"],
  keys: ["read", "rotate"],
  api: ["read", "manage"],
  policies: ["read", "edit", "approve", "publish"],
  acknowledgements: ["read"],
  purposes: ["read", "edit"],
  consent: ["read", "record", "export"],
  messages: ["read"],
  requests: ["read", "create", "handle"],
  calendar: ["manage"],
} as const;

type Resources = typeof resources;
export type Permission = { [R in keyof Resources]: `${R}.${Resources[R][number]}` }[keyof Resources];

const all = Object.entries(resources).flatMap(([r, actions]) => actions.map((a) => `${r}.${a}`)) as Permission[];

export const permissionMap: Record<Role, readonly Permission[]> = {
  owner: all,
  admin: all.filter((p) => p !== "organization.create"),
  privacy_officer: [
    "overview.read", "organization.read", "users.read", "departments.read",
    "vendors.read", "vendors.create", "vendors.update", "vendors.archive", "vendors.export",
    "audit.read", "audit.export", "audit.checkpoint",
    "customers.read", "customers.reveal", "customers.import", "keys.read", "api.read",
    "policies.read", "policies.edit", "policies.approve", "policies.publish", "acknowledgements.read",
    "purposes.read", "purposes.edit", "consent.read", "consent.record", "consent.export", "messages.read",
    "requests.read", "requests.create", "requests.handle", "calendar.manage",
  ],
  manager: [
    "overview.read", "organization.read", "users.read", "departments.read", "vendors.read", "audit.read", "customers.read",
    "policies.read", "acknowledgements.read", "purposes.read", "consent.read", "requests.read", "requests.create",
  ],
  employee: [
    "overview.read", "vendors.read", "customers.read", "policies.read", "purposes.read", "consent.read", "requests.read", "requests.create",
  ],
  auditor: [
    "overview.read", "organization.read", "users.read", "departments.read",
    "vendors.read", "vendors.export", "audit.read", "audit.export",
    "customers.read", "keys.read", "api.read", "policies.read", "acknowledgements.read",
    "purposes.read", "consent.read", "consent.export", "requests.read",
  ],
};

export const allPermissions: readonly Permission[] = all;

export function can(role: Role, permission: Permission): boolean {
  return permissionMap[role].includes(permission);
}

/** Roles that must have a second factor before they can do anything. */
export const mfaRequiredRoles: readonly Role[] = ["owner", "admin", "privacy_officer"];
