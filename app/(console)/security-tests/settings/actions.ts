"use server";

import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { setRemediationPeriods } from "@/lib/security-tests/periods";
import { periodsSchema } from "@/lib/security-tests/schemas";

export const setPeriodsAction = defineAction({
  permission: "security_tests.manage",
  schema: periodsSchema,
  run: (ctx, input) => setRemediationPeriods(ctx, input),
  done: async () => ({
    status: "ok",
    message: (await translator("securityTests"))("periods.saved"),
  }),
});
