"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { documentSettingsSchema, updateDocumentSettings } from "@/lib/policies/audience";
import { draftVersion } from "@/lib/policies/commands";
import { documentIdSchema } from "@/lib/policies/schemas";

export const draftPolicyVersionAction = defineAction({
  permission: "policies.edit",
  schema: documentIdSchema,
  run: (ctx, input) => draftVersion(ctx, input.documentId),
  done: (versionId, input) => redirect(`/policies/${input.documentId}/versions/${versionId}`),
});

export const updateDocumentSettingsAction = defineAction({
  permission: "policies.edit",
  schema: documentSettingsSchema,
  run: (ctx, input) => updateDocumentSettings(ctx, input),
  done: (_, input) => redirect(`/policies/${input.documentId}?notice=settingsSaved`),
});
