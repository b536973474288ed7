"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import { acknowledgeVersion } from "@/lib/policies/acknowledgements";

/**
 * A person acknowledges for themself only: the user is the signed-in actor, never a form field.
 * Every role reads policies, so `policies.read` admits every member (and not a pending sign-in).
 */
export const acknowledgePolicyAction = defineAction({
  permission: "policies.read",
  schema: z.object({ versionId: z.uuid() }),
  run: (ctx, input) => acknowledgeVersion(ctx, ctx.user.userId, input.versionId),
  done: () => redirect("/tasks?notice=acknowledged"),
});
