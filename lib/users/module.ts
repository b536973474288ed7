import { admins, everyoneButEmployees } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

export const usersModule = defineModule({
  name: "users",
  permissions: {
    users: { read: everyoneButEmployees, invite: admins, update: admins },
  },
  auditActions: [
    // Recorded before invitations had to be accepted (lib/invitations); kept so older chains still read.
    "user.invited",
    "user.role_changed",
    "user.department_changed",
    "user.deactivated",
    "user.reactivated",
    "auth.mfa_reset",
  ],
  nav: [
    {
      href: "/users",
      key: "users",
      permission: "users.read",
      group: "organisation",
      position: 100,
    },
  ],
  messages: ["users"],
});
