import { everyoneButEmployees, officers } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** The systems inventory and the data map drawn from it, the vendors and the purposes. */
export const systemsModule = defineModule({
  name: "systems",
  permissions: {
    systems: { read: everyoneButEmployees, manage: officers },
  },
  auditActions: ["system.created", "system.updated", "system.archived", "system.restored"],
  nav: [
    {
      href: "/systems",
      key: "systems",
      permission: "systems.read",
      group: "programme",
      position: 72,
    },
    {
      href: "/data-map",
      key: "dataMap",
      permission: "systems.read",
      group: "programme",
      position: 74,
    },
  ],
  messages: ["systems"],
});
