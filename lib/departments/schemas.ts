import { z } from "zod";
import { optionalId } from "@/lib/users/schemas";

const fields = {
  name: z.string().trim().min(1).max(80),
  headUserId: optionalId,
};

export const createDepartmentSchema = z.object(fields);
export const updateDepartmentSchema = z.object({ id: z.uuid(), ...fields });
export const deleteDepartmentSchema = z.object({ id: z.uuid() });

export type DepartmentInput = z.infer<typeof createDepartmentSchema>;
