import { z } from "zod";
import { roles } from "@/db/schema/users";

/** An optional id from a <select>: the empty "none" option becomes null. */
export const optionalId = z
  .union([z.literal("").transform(() => null), z.uuid()])
  .optional()
  .transform((v) => v ?? null);

const memberId = z.uuid();

export const changeRoleSchema = z.object({ userId: memberId, role: z.enum(roles) });

export const changeDepartmentSchema = z.object({ userId: memberId, departmentId: optionalId });

/** Deactivate, reactivate and 2FA reset name only the member. */
export const memberSchema = z.object({ userId: memberId });
