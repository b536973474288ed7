"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { resendInvitation, revokeInvitation } from "@/lib/invitations/commands";
import { invitationSchema } from "@/lib/invitations/schemas";
import { triggerDelivery } from "@/lib/outbox/trigger";

/** A new link by email; the earlier one stops working. */
export const resendInvitationAction = defineAction({
  permission: "users.invite",
  schema: invitationSchema,
  run: async (ctx, input) => {
    await resendInvitation(ctx, input);
    return ctx.orgId;
  },
  done: async (orgId) => {
    await triggerDelivery(orgId);
    revalidatePath("/users");
    return { status: "ok", message: (await translator("users"))("invitations.resent") };
  },
});

export const revokeInvitationAction = defineAction({
  permission: "users.invite",
  schema: invitationSchema,
  run: (ctx, input) => revokeInvitation(ctx, input),
  done: async () => {
    revalidatePath("/users");
    return { status: "ok", message: (await translator("users"))("invitations.revoked") };
  },
});
