import { defineModule } from "@/lib/core/modules/define-module";

/** A person's own account: password and second factor (no permission: everyone manages their own). */
export const accountModule = defineModule({
  name: "account",
  auditActions: [
    "auth.password_changed",
    "auth.mfa_enrolled",
    "auth.mfa_disabled",
    "auth.recovery_codes_regenerated",
    "auth.recovery_code_used",
  ],
  messages: ["account"],
});
