"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { setPurposeArchived, updatePurpose } from "@/lib/purposes/commands";
import { purposeIdSchema, purposeUpdateSchema } from "@/lib/purposes/schemas";

export const updatePurposeAction = defineAction({
  permission: "purposes.edit",
  schema: purposeUpdateSchema,
  run: (ctx, input) => updatePurpose(ctx, input),
  done: (_result, input) => redirect(`/purposes/${input.id}?notice=updated`),
});

export const archivePurposeAction = defineAction({
  permission: "purposes.edit",
  schema: purposeIdSchema,
  run: (ctx, input) => setPurposeArchived(ctx, input.id, true),
  done: (_result, input) => redirect(`/purposes/${input.id}?notice=archived`),
});

export const restorePurposeAction = defineAction({
  permission: "purposes.edit",
  schema: purposeIdSchema,
  run: (ctx, input) => setPurposeArchived(ctx, input.id, false),
  done: (_result, input) => redirect(`/purposes/${input.id}?notice=restored`),
});
