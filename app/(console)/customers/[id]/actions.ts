"use server";

import { defineAction } from "@/lib/core/actions/define-action";
import { revealInput, revealValue } from "@/lib/customers/reveal";

/** Decrypts one value for 60 seconds on screen; audited with its reason, throttled per person. */
export const revealAction = defineAction({
  permission: "customers.reveal",
  schema: revealInput,
  run: (ctx, input) => revealValue(ctx, input),
  done: (value) => ({ status: "ok", data: { value } }),
});
