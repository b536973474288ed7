"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { dataSubjectRequests } from "@/db/schema";
import { defineAction, type ActionContext } from "@/lib/core/actions/define-action";
import { AppError } from "@/lib/core/errors";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { translator } from "@/lib/core/i18n/translator";
import {
  acknowledgeRequest,
  addRequestText,
  assignRequest,
  extendRequest,
  moveRequest,
  verifyIdentity,
} from "@/lib/requests/commands";
import { completeFulfilledRequest } from "@/lib/requests/fulfilment/completion";
import { notifyRequester, rejectionText } from "@/lib/requests/notify";
import { requestHandlers } from "@/lib/requests/queries";
import {
  acknowledgeSchema,
  askSchema,
  assignSchema,
  moveSchema,
  reasonSchema,
  textSchema,
  verifySchema,
} from "@/lib/requests/schemas";

/** After a step: the page re-reads the request, and the form shows what happened. */
async function saved(id: string, key: string) {
  revalidatePath(`/requests/${id}`);
  return { status: "ok" as const, message: (await translator("requests"))(`actions.done.${key}`) };
}

async function requestFacts(ctx: ActionContext, id: string) {
  const [row] = await ctx.tx
    .select({
      laws: dataSubjectRequests.laws,
      locale: dataSubjectRequests.locale,
      customerId: dataSubjectRequests.customerId,
    })
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.orgId, ctx.orgId), eq(dataSubjectRequests.id, id)));
  if (!row) throw new AppError("notFound");
  return row;
}

export const verifyRequestAction = defineAction({
  permission: "requests.handle",
  schema: verifySchema,
  run: async (ctx, input) => {
    await verifyIdentity(ctx, input.id, input.method, input.verifiedOn);
    await notifyRequester(ctx.tx, ctx.orgId, input.id, "verified");
  },
  done: (_r, input) => saved(input.id, "verified"),
});

/** Start work, resume after the requester answered, or complete. */
export const moveRequestAction = defineAction({
  permission: "requests.handle",
  schema: moveSchema,
  run: async (ctx, input) => {
    if (input.to === "completed") await completeFulfilledRequest(ctx, input.id);
    else await moveRequest(ctx, input.id, input.to);
  },
  done: (_r, input) => saved(input.id, input.to),
});

/** Asks the requester for something: the message goes on their tracking page and the clock pauses. */
export const askRequesterAction = defineAction({
  permission: "requests.handle",
  schema: askSchema,
  run: async (ctx, input) => {
    const rc = ctx;
    await moveRequest(rc, input.id, "awaiting_requester");
    await addRequestText(rc, input.id, "message_to_requester", input.message);
    await notifyRequester(ctx.tx, ctx.orgId, input.id, "waiting");
  },
  done: (_r, input) => saved(input.id, "waiting"),
});

export const assignRequestAction = defineAction({
  permission: "requests.handle",
  schema: assignSchema,
  run: async (ctx, input) => {
    const assigneeId = input.assigneeId === "none" ? null : input.assigneeId;
    if (
      assigneeId &&
      !(await requestHandlers(ctx.tx, ctx.orgId)).some((h) => h.userId === assigneeId)
    )
      throw new AppError("invalid", { assigneeId: "choice" });
    await assignRequest(ctx, input.id, assigneeId);
  },
  done: (_r, input) => saved(input.id, "assigned"),
});

export const addNoteAction = defineAction({
  permission: "requests.handle",
  schema: textSchema,
  run: (ctx, input) => addRequestText(ctx, input.id, "note", input.text),
  done: (_r, input) => saved(input.id, "note"),
});

export const messageRequesterAction = defineAction({
  permission: "requests.handle",
  schema: textSchema,
  run: async (ctx, input) => {
    await addRequestText(ctx, input.id, "message_to_requester", input.text);
    await notifyRequester(ctx.tx, ctx.orgId, input.id, "message");
  },
  done: (_r, input) => saved(input.id, "message"),
});

/** One extension where the law allows it; the reason goes to the requester on their tracking page. */
export const extendRequestAction = defineAction({
  permission: "requests.handle",
  schema: reasonSchema,
  run: async (ctx, input) => {
    await extendRequest(ctx, input.id, input.reason);
    await notifyRequester(ctx.tx, ctx.orgId, input.id, "extended");
  },
  done: (_r, input) => saved(input.id, "extended"),
});

/** Staff acknowledged receipt by phone, letter or in person: the requester has no contact on file. */
export const acknowledgeRequestAction = defineAction({
  permission: "requests.handle",
  schema: acknowledgeSchema,
  run: (ctx, input) => acknowledgeRequest(ctx, input.id, input.channel),
  done: (_r, input) => saved(input.id, "acknowledged"),
});

/** Rejection with its reason; the requester's copy adds the remedies their law gives (PIPL Art. 50). */
export const rejectRequestAction = defineAction({
  permission: "requests.handle",
  schema: reasonSchema,
  run: async (ctx, input) => {
    const rc = ctx;
    const { laws, locale, customerId } = await requestFacts(ctx, input.id);
    await moveRequest(rc, input.id, "rejected", { reason: input.reason });
    // Text is sealed under the customer's key: a request without a customer has nowhere to keep it.
    if (customerId)
      await addRequestText(
        rc,
        input.id,
        "message_to_requester",
        rejectionText(laws, asAppLocale(locale), input.reason),
      );
    await notifyRequester(ctx.tx, ctx.orgId, input.id, "rejected", { reason: input.reason });
  },
  done: (_r, input) => saved(input.id, "rejected"),
});
