import { z } from "zod";
import { roles } from "@/db/schema/users";

/** An optional id from a <select>: the empty "none" option becomes null. */
export const optionalId = z.union([z.literal("").transform(() => null), z.uuid()]).optional().transform((v) => v ?? null);

const memberId = z.uuid();

export const inviteSchema = z.object({
  email: z.string().trim().max(320).pipe(z.email()),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  departmentId: optionalId,
});

export const changeRoleSchema = z.object({ userId: memberId, role: z.enum(roles) });

export const changeDepartmentSchema = z.object({ userId: memberId, departmentId: optionalId });

/** Deactivate, reactivate and 2FA reset name only the member. */
export const memberSchema = z.object({ userId: memberId });

export type InviteInput = z.infer<typeof inviteSchema>;
