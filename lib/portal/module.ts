import { defineModule } from "@/lib/core/modules/define-module";

/** The public portal's identity check (one-time codes); no console permission. */
export const portalModule = defineModule({
  name: "portal",
  auditActions: ["portal.code_requested", "portal.verified", "portal.verification_failed"],
  messages: ["portal"],
});
