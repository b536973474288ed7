import { roles, type Role } from "@/db/schema/users";
import type { PermissionOf } from "@/lib/core/modules/define-module";
import { modules } from "@/lib/modules";

/** Every `resource.action` the modules declare (lib/<module>/module.ts). */
export type Permission = PermissionOf<(typeof modules)[number]["permissions"]>;

/** permission → the roles holding it, from every module's grants. The UI hides; the server refuses. */
const holders = new Map<Permission, readonly Role[]>(
  modules.flatMap((m) =>
    Object.entries(m.permissions).flatMap(([resource, actions]) =>
      Object.entries(actions as Record<string, readonly Role[]>).map(
        ([action, granted]) => [`${resource}.${action}` as Permission, granted] as const,
      ),
    ),
  ),
);

export const allPermissions: readonly Permission[] = [...holders.keys()];

/** What each role may do, as data: role → permissions. */
export const permissionMap = Object.fromEntries(
  roles.map((role) => [role, allPermissions.filter((p) => holders.get(p)!.includes(role))]),
) as unknown as Record<Role, readonly Permission[]>;

/** Reads the role's row of the map, the one table tests and reviewers look at. */
export function can(role: Role, permission: Permission): boolean {
  return permissionMap[role]?.includes(permission) ?? false;
}

/** Roles that must have a second factor before they can do anything. */
export const mfaRequiredRoles: readonly Role[] = ["owner", "admin", "privacy_officer"];
