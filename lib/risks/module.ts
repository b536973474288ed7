import { everyoneButEmployees, officers } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** The risk register: 5 × 5 scores, treatments, four-eyes acceptance that expires, links to findings and vendors. */
export const risksModule = defineModule({
  name: "risks",
  permissions: {
    risks: { read: everyoneButEmployees, manage: officers, approve: officers },
  },
  auditActions: ["risk.created", "risk.updated", "risk.accepted", "risk.linked", "risk.unlinked"],
  nav: [
    { href: "/risks", key: "risks", permission: "risks.read", group: "programme", position: 86 },
  ],
  messages: ["risks"],
});
