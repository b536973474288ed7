import { defineModule } from "@/lib/core/modules/define-module";

/**
 * Invitations into an organisation, accepted by the invited person. Inviting, resending and
 * revoking need `users.invite` (declared by the users module); accepting needs the emailed link.
 */
export const invitationsModule = defineModule({
  name: "invitations",
  auditActions: [
    "invitation.created",
    "invitation.resent",
    "invitation.revoked",
    "invitation.accepted",
  ],
  messages: ["invitation"],
});
