"use server";

import { redirect } from "next/navigation";
import { changePassword } from "@/lib/account/password";
import { changePasswordSchema } from "@/lib/account/schemas";
import { defineAction } from "@/lib/core/actions/define-action";

// Every session has ended with the change, this one too: sign in again with the new password.
export const changePasswordAction = defineAction({
  permission: "self",
  schema: changePasswordSchema,
  run: (ctx, input) => changePassword(ctx, input),
  done: () => redirect("/sign-in?changed=1"),
});
