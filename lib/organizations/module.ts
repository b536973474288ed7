import { admins, everyoneButEmployees } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

export const organizationsModule = defineModule({
  name: "organizations",
  permissions: {
    organization: { read: everyoneButEmployees, update: admins, create: ["owner"] },
  },
  auditActions: ["organization.created", "organization.updated"],
  nav: [
    {
      href: "/settings/organization",
      key: "organization",
      permission: "organization.read",
      group: "organisation",
      position: 120,
    },
  ],
  messages: ["organization"],
});
