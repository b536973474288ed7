"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import type { ActionState } from "@/lib/core/actions/state";
import { translator } from "@/lib/core/i18n/translator";
import {
  changeDepartment,
  changeRole,
  deactivateMember,
  reactivateMember,
} from "@/lib/users/membership";
import { resetMfa } from "@/lib/users/reset-mfa";
import { changeDepartmentSchema, changeRoleSchema, memberSchema } from "@/lib/users/schemas";

async function saved(key: string, input: { userId: string }): Promise<ActionState> {
  revalidatePath("/users");
  revalidatePath(`/users/${input.userId}`);
  return { status: "ok", message: (await translator("users"))(key) };
}

export const updateRole = defineAction({
  permission: "users.update",
  schema: changeRoleSchema,
  run: (ctx, input) => changeRole(ctx, input),
  done: (_, input) => saved("manage.roleChanged", input),
});

export const updateDepartment = defineAction({
  permission: "users.update",
  schema: changeDepartmentSchema,
  run: (ctx, input) => changeDepartment(ctx, input),
  done: (_, input) => saved("manage.departmentChanged", input),
});

export const deactivate = defineAction({
  permission: "users.update",
  schema: memberSchema,
  run: (ctx, input) => deactivateMember(ctx, input),
  done: (_, input) => saved("manage.deactivated", input),
});

export const reactivate = defineAction({
  permission: "users.update",
  schema: memberSchema,
  run: (ctx, input) => reactivateMember(ctx, input),
  done: (_, input) => saved("manage.reactivated", input),
});

export const resetTwoFactor = defineAction({
  permission: "users.update",
  schema: memberSchema,
  run: (ctx, input) => resetMfa(ctx, input),
  done: (_, input) => saved("manage.mfaReset", input),
});
