import { everyone, officers } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

export const purposesModule = defineModule({
  name: "purposes",
  permissions: {
    purposes: { read: everyone, edit: officers },
  },
  auditActions: [
    "purpose.created",
    "purpose.updated",
    "purpose.archived",
    "purpose.restored",
    "purpose.reconsent_required",
  ],
  nav: [
    {
      href: "/purposes",
      key: "purposes",
      permission: "purposes.read",
      group: "programme",
      position: 70,
    },
  ],
  messages: ["purposes"],
});
