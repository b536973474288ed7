import type { Permission } from "@/lib/core/authz/permissions";

/** The console's modules, in sidebar order; each shows only to roles holding its permission. */
export const navItems: Array<{ href: string; key: string; permission: Permission }> = [
  { href: "/", key: "overview", permission: "overview.read" },
  { href: "/tasks", key: "tasks", permission: "policies.read" },
  { href: "/customers", key: "customers", permission: "customers.read" },
  { href: "/requests", key: "requests", permission: "requests.read" },
  { href: "/vendors", key: "vendors", permission: "vendors.read" },
  { href: "/policies", key: "policies", permission: "policies.read" },
  { href: "/purposes", key: "purposes", permission: "purposes.read" },
  { href: "/consent", key: "consent", permission: "consent.read" },
  { href: "/audit", key: "audit", permission: "audit.read" },
  { href: "/users", key: "users", permission: "users.read" },
  { href: "/departments", key: "departments", permission: "departments.read" },
  { href: "/settings/organization", key: "organization", permission: "organization.read" },
  { href: "/settings/keys", key: "keys", permission: "keys.read" },
  { href: "/settings/calendar", key: "calendar", permission: "calendar.manage" },
  { href: "/settings/api", key: "api", permission: "api.read" },
  { href: "/settings/messages", key: "messages", permission: "messages.read" },
];
