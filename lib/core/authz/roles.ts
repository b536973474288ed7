import { roles } from "@/db/schema/users";

/** Named sets of roles for the modules' permission grants (lib/<module>/module.ts). */
export const everyone = roles;
export const admins = ["owner", "admin"] as const;
export const officers = [...admins, "privacy_officer"] as const;
export const officersAndAuditors = [...officers, "auditor"] as const;
/** Everyone who oversees: all but employees. */
export const everyoneButEmployees = [...officers, "manager", "auditor"] as const;
/** Everyone who may act: all but the read-only auditor. */
export const everyoneButAuditors = [...officers, "manager", "employee"] as const;
