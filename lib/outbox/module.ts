import { officers } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** Messages to customers, sealed, sent by the delivery job. */
export const outboxModule = defineModule({
  name: "outbox",
  permissions: {
    outbox: { read: officers },
  },
  auditActions: ["message.sent", "message.failed"],
  messages: ["outbox"],
  nav: [
    {
      href: "/settings/outbox",
      key: "outbox",
      permission: "outbox.read",
      group: "organisation",
      position: 160,
    },
  ],
  jobs: async () => [(await import("./delivery-job")).messageDeliveryJob],
});
