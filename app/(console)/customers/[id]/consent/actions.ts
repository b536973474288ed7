"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { recordOnBehalf, staffConsentInput } from "@/lib/consent/staff";

/** Staff record a customer's decision on their behalf; the reason goes into the receipt only. */
export const recordConsentAction = defineAction({
  permission: "consent.record",
  schema: staffConsentInput,
  run: (ctx, input) => recordOnBehalf(ctx, input),
  done: async (result, input) => {
    revalidatePath(`/customers/${input.customerId}`);
    return { status: "ok", message: (await translator("consent"))("record.done"), data: result };
  },
});
