import { admins, officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** The platform API (/api/v1) and its keys. */
export const apiModule = defineModule({
  name: "api",
  permissions: {
    api: { read: officersAndAuditors, manage: admins },
  },
  auditActions: ["api_key.created", "api_key.revoked"],
  nav: [
    {
      href: "/settings/api",
      key: "api",
      permission: "api.read",
      group: "organisation",
      position: 150,
    },
  ],
  messages: ["api"],
  jobs: async () => [(await import("./idempotency")).idempotencyPruneJob],
});
