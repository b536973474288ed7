import { everyone, officers, officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

export const consentModule = defineModule({
  name: "consent",
  permissions: {
    consent: { read: everyone, record: officers, export: officersAndAuditors },
  },
  auditActions: [
    "consent.batch_recorded",
    "consent.recorded_by_staff",
    "consent.read",
    "consent.exported",
  ],
  nav: [
    {
      href: "/consent",
      key: "consent",
      permission: "consent.read",
      group: "programme",
      position: 80,
    },
  ],
  messages: ["consent"],
  jobs: async () => [(await import("./rollup-job")).consentRollupJob],
});
