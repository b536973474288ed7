"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { inviteMember } from "@/lib/users/commands";
import { inviteSchema } from "@/lib/users/schemas";

/** The temporary password travels back in the result only, to be shown once. */
export const invite = defineAction({
  permission: "users.invite",
  schema: inviteSchema,
  run: (ctx, input) => inviteMember(ctx, input),
  done: async (result, input) => {
    revalidatePath("/users");
    const t = await translator("users");
    return {
      status: "ok",
      message: t(result.temporaryPassword ? "invite.done" : "invite.doneExisting"),
      data: { userId: result.userId, email: input.email, temporaryPassword: result.temporaryPassword },
    };
  },
});
