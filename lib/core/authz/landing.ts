import type { Role } from "@/db/schema/users";

/**
 * Where each role starts after signing in: where its work is. Employees on their tasks, managers
 * on the department they head (their tasks when they head none), auditors on the evidence,
 * officers and administrators on the overview.
 */
export function landingPath(role: Role, headedDepartmentId: string | null): string {
  switch (role) {
    case "employee":
      return "/tasks";
    case "manager":
      return headedDepartmentId ? `/departments/${headedDepartmentId}` : "/tasks";
    case "auditor":
      return "/audit";
    default:
      return "/";
  }
}
