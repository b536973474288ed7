"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import type { ActionState } from "@/lib/core/actions/state";
import { translator } from "@/lib/core/i18n/translator";
import { enqueue } from "@/lib/core/jobs/worker";
import { personalFieldNames } from "@/lib/customers/fields";
import { customerInput } from "@/lib/customers/schemas";
import { recordRefusals } from "@/lib/requests/fulfilment/consent";
import { decideVendorTask, eraseForRequest } from "@/lib/requests/fulfilment/erasure";
import { requestExportJob } from "@/lib/requests/fulfilment/export-job";
import { startExport } from "@/lib/requests/fulfilment/exports";
import { decideRectification, proposeRectification } from "@/lib/requests/fulfilment/rectification";

const requestId = z.object({ requestId: z.uuid() });

/** Re-renders the request page with the new state and says so. */
async function saved(id: string, key: string): Promise<ActionState> {
  revalidatePath(`/requests/${id}`);
  return { status: "ok", message: (await translator("fulfilment"))(`saved.${key}`) };
}

export const buildPackageAction = defineAction({
  permission: "requests.handle",
  schema: requestId,
  run: async (ctx, input) => ({ orgId: ctx.orgId, ...(await startExport(ctx, input.requestId)) }),
  // After commit, so the job finds the package row.
  done: async ({ orgId, exportId }, input) => {
    await enqueue(requestExportJob.name, { orgId, exportId });
    return saved(input.requestId, "packageQueued");
  },
});

const proposal = requestId
  .extend({ field: z.enum(personalFieldNames), value: z.string().trim().min(1).max(300) })
  .superRefine((input, ctx) => {
    const parsed = customerInput.shape[input.field].safeParse(input.value);
    if (!parsed.success)
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ["value"] } as never);
  });

/** A corrected value the requester gave by phone or letter, entered by staff. */
export const proposeRectificationAction = defineAction({
  permission: "requests.handle",
  schema: proposal,
  run: async (ctx, input) => {
    const id = await proposeRectification(
      ctx.tx,
      ctx.orgId,
      input.requestId,
      input.field,
      input.value,
    );
    await ctx.audit({
      action: "request.rectification_proposed",
      targetType: "request",
      targetId: input.requestId,
      details: { field: input.field, rectificationId: id },
    });
  },
  done: (_result, input) => saved(input.requestId, "proposalAdded"),
});

export const decideRectificationAction = defineAction({
  permission: "requests.handle",
  schema: requestId.extend({
    rectificationId: z.uuid(),
    decision: z.enum(["approved", "rejected"]),
  }),
  run: (ctx, input) =>
    decideRectification(ctx, input.requestId, input.rectificationId, input.decision),
  done: (_result, input) => saved(input.requestId, input.decision),
});

export const eraseCustomerAction = defineAction({
  permission: "requests.handle",
  schema: requestId,
  run: (ctx, input) => eraseForRequest(ctx, input.requestId),
  done: (_result, input) => saved(input.requestId, "erased"),
});

export const vendorTaskAction = defineAction({
  permission: "requests.handle",
  schema: requestId.extend({ taskId: z.uuid(), status: z.enum(["confirmed", "not_applicable"]) }),
  run: (ctx, input) => decideVendorTask(ctx, input.requestId, input.taskId, input.status),
  done: (_result, input) => saved(input.requestId, input.status),
});

export const withdrawConsentAction = defineAction({
  permission: "requests.handle",
  schema: requestId.extend({ purposeIds: z.array(z.uuid()).min(1, "errors.chooseAtLeastOne") }),
  run: (ctx, input) => recordRefusals(ctx, input.requestId, input.purposeIds),
  done: (_result, input) => saved(input.requestId, "withdrawn"),
});
