import type { Role } from "@/db/schema/users";
import type { JobDefinition } from "@/lib/core/jobs/job";

/** resource → action → the roles that hold `resource.action`. */
export type PermissionGrants = Record<string, Record<string, readonly Role[]>>;

/** The `resource.action` strings a module's grants define (of each, for a union of grants). */
export type PermissionOf<P extends PermissionGrants> = P extends PermissionGrants
  ? { [R in keyof P & string]: `${R}.${keyof P[R] & string}` }[keyof P & string]
  : never;

/** A sidebar entry; the sidebar sorts every module's entries by `position`. */
/** The sidebar's groups, in order. */
export const navGroups = ["work", "programme", "organisation"] as const;
export type NavGroup = (typeof navGroups)[number];

export interface NavItem<Permission extends string = string> {
  href: string;
  /** Its label's key in the `nav` message namespace. */
  key: string;
  /** Shown only to roles holding it (the page checks it again). */
  permission: Permission;
  /** Its group in the sidebar (labels: nav.groups.<group>). */
  group: NavGroup;
  position: number;
}

export interface ModuleDeclaration<
  P extends PermissionGrants = PermissionGrants,
  A extends string = string,
> {
  name: string;
  permissions: P;
  /** Its part of the audit log's closed `entity.verb` set. */
  auditActions: readonly A[];
  nav: readonly NavItem<PermissionOf<P>>[];
  /** Its files under messages/<locale>/<namespace>.json. */
  messages: readonly string[];
  /**
   * Its background jobs, loaded by the worker when it starts. Loaded lazily so that reading the
   * declarations (the permission map, the audit actions) loads no module's code.
   */
  jobs: () => Promise<readonly JobDefinition[]>;
}

const noJobs = async () => [];

/**
 * A module's one declaration (lib/<module>/module.ts): what it adds to the permission map, the
 * audit log, the sidebar, the messages and the worker. lib/modules.ts lists every declaration.
 * A declaration is data: it imports nothing of its module but its jobs, and those lazily.
 */
export function defineModule<
  const P extends PermissionGrants = Record<never, never>,
  const A extends string = never,
>(declaration: {
  name: string;
  permissions?: P;
  auditActions?: readonly A[];
  nav?: readonly NavItem<PermissionOf<P>>[];
  messages?: readonly string[];
  jobs?: () => Promise<readonly JobDefinition[]>;
}): ModuleDeclaration<P, A> {
  return {
    name: declaration.name,
    permissions: declaration.permissions ?? ({} as P),
    auditActions: declaration.auditActions ?? [],
    nav: declaration.nav ?? [],
    messages: declaration.messages ?? [],
    jobs: declaration.jobs ?? noJobs,
  };
}
