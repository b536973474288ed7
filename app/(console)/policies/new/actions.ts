"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { createDocument } from "@/lib/policies/commands";
import { policyDocumentSchema } from "@/lib/policies/schemas";

export const createPolicyDocumentAction = defineAction({
  permission: "policies.edit",
  schema: policyDocumentSchema,
  run: (ctx, input) => createDocument(ctx, input),
  done: (id) => redirect(`/policies/${id}?notice=created`),
});
