"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { createInvitation } from "@/lib/invitations/commands";
import { inviteSchema } from "@/lib/invitations/schemas";
import { triggerDelivery } from "@/lib/outbox/trigger";

/**
 * The answer is the same for every address that is not already a member here: the inviter learns
 * nothing about accounts elsewhere, and gets no id back.
 */
export const invite = defineAction({
  permission: "users.invite",
  schema: inviteSchema,
  run: async (ctx, input) => {
    await createInvitation(ctx, input);
    return ctx.orgId;
  },
  done: async (orgId, input) => {
    await triggerDelivery(orgId);
    revalidatePath("/users");
    const t = await translator("users");
    return { status: "ok", message: t("invite.sent", { email: input.email }) };
  },
});
