"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { createPurpose } from "@/lib/purposes/commands";
import { purposeCreateSchema } from "@/lib/purposes/schemas";

export const createPurposeAction = defineAction({
  permission: "purposes.edit",
  schema: purposeCreateSchema,
  run: (ctx, input) => createPurpose(ctx, input),
  done: (id) => redirect(`/purposes/${id}?notice=created`),
});
