"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { changeFindingStatus } from "@/lib/security-tests/commands";
import { findingStatusSchema } from "@/lib/security-tests/schemas";

export const changeFindingStatusAction = defineAction({
  permission: "security_tests.manage",
  schema: findingStatusSchema,
  run: (ctx, input) => changeFindingStatus(ctx, input),
  done: async (_, input) => {
    revalidatePath(`/security-tests/findings/${input.findingId}`);
    return { status: "ok", message: (await translator("securityTests"))("finding.statusChanged") };
  },
});
