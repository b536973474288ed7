import { admins, everyoneButEmployees } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

export const departmentsModule = defineModule({
  name: "departments",
  permissions: {
    departments: { read: everyoneButEmployees, manage: admins },
  },
  auditActions: [
    "department.created",
    "department.updated",
    "department.deleted",
    "department.exported",
  ],
  nav: [
    {
      href: "/departments",
      key: "departments",
      permission: "departments.read",
      group: "organisation",
      position: 110,
    },
  ],
  messages: ["departments"],
});
