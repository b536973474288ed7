"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import {
  approveVersion,
  publishVersion,
  rejectVersion,
  saveDraft,
  submitVersion,
} from "@/lib/policies/commands";
import {
  approveSchema,
  publishSchema,
  rejectSchema,
  versionFieldsSchema,
  versionIdSchema,
} from "@/lib/policies/schemas";

// Each step lands back on the version page, which shows the new state; the notice names the step.
const back = (notice: string) => (result: { documentId: string }, input: { id: string }) =>
  redirect(`/policies/${result.documentId}/versions/${input.id}?notice=${notice}`);

export const saveDraftAction = defineAction({
  permission: "policies.edit",
  schema: versionFieldsSchema,
  run: (ctx, input) => saveDraft(ctx, input),
  done: back("saved"),
});

export const submitVersionAction = defineAction({
  permission: "policies.edit",
  schema: versionIdSchema,
  run: (ctx, input) => submitVersion(ctx, input.id),
  done: back("submitted"),
});

export const approveVersionAction = defineAction({
  permission: "policies.approve",
  schema: approveSchema,
  run: (ctx, input) => approveVersion(ctx, input.id, input.publishOnEffective),
  done: (result, input) =>
    redirect(
      `/policies/${result.documentId}/versions/${input.id}?notice=${result.scheduled ? "scheduled" : "approved"}`,
    ),
});

export const rejectVersionAction = defineAction({
  permission: "policies.approve",
  schema: rejectSchema,
  run: (ctx, input) => rejectVersion(ctx, input.id, input.note),
  done: back("rejected"),
});

export const publishVersionAction = defineAction({
  permission: "policies.publish",
  schema: publishSchema,
  run: (ctx, input) => publishVersion(ctx, input.id, input.timing),
  done: (result, input) =>
    redirect(
      `/policies/${result.documentId}/versions/${input.id}?notice=${result.scheduled ? "scheduled" : "published"}`,
    ),
});
