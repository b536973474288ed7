"use server";

import { defineAction } from "@/lib/core/actions/define-action";
import { createRequest } from "@/lib/requests/commands";
import { notifyRequester } from "@/lib/requests/notify";
import { intakeSchema } from "@/lib/requests/schemas";

/**
 * Staff intake: the real received date, channel and identity check. The tracking token comes
 * back once in the action's state (never in a URL) for staff to pass on; it is stored only hashed.
 */
export const createRequestAction = defineAction({
  permission: "requests.create",
  schema: intakeSchema,
  run: async (ctx, input) => {
    const created = await createRequest(ctx, {
      type: input.type,
      channel: input.channel,
      customerId: input.customerId,
      locale: input.locale,
      receivedAt: input.receivedAt,
      verifiedOn: input.verifiedOn ?? null,
      identityMethod: input.identityMethod ?? null,
    });
    const message = await notifyRequester(
      ctx.tx,
      ctx.orgId,
      created.id,
      created.duplicateOf ? "received" : input.verifiedOn ? "verified" : "received",
      { trackingToken: created.token },
    );
    return { ...created, notified: message !== null };
  },
  done: (created) => ({ status: "ok", data: created }),
});
