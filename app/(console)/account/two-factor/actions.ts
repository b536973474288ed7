"use server";

import { redirect } from "next/navigation";
import { confirmEnrolment } from "@/lib/account/enrolment";
import { regenerateRecoveryCodes } from "@/lib/account/recovery-codes";
import { confirmEnrolmentSchema, regenerateSchema, turnOffSchema } from "@/lib/account/schemas";
import { turnOffTwoFactor } from "@/lib/account/turn-off";
import { defineAction } from "@/lib/core/actions/define-action";

// The recovery codes travel back once, in the action's result, and are never stored in plain.
export const confirmEnrolmentAction = defineAction({
  permission: "self",
  schema: confirmEnrolmentSchema,
  run: (ctx, input) => confirmEnrolment(ctx, input),
  done: (result) => ({ status: "ok", data: result }),
});

export const regenerateRecoveryCodesAction = defineAction({
  permission: "self",
  schema: regenerateSchema,
  run: (ctx, input) => regenerateRecoveryCodes(ctx, input),
  done: (result) => ({ status: "ok", data: result }),
});

export const turnOffTwoFactorAction = defineAction({
  permission: "self",
  schema: turnOffSchema,
  run: (ctx, input) => turnOffTwoFactor(ctx, input),
  // The page changes state entirely (back to set-up), so reload it with a notice.
  done: () => redirect("/account/two-factor?turnedOff=1"),
});
