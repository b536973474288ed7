import { officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/**
 * The library of laws: requirements of PIPL, the 2024–2026 Chinese regulations, GB/T 35273, GDPR
 * and CCPA as versioned reference data (lib/requirements/library.ts), and the compliance view per
 * law with each requirement's controls and status.
 */
export const requirementsModule = defineModule({
  name: "requirements",
  permissions: {
    requirements: { read: officersAndAuditors },
  },
  nav: [
    {
      href: "/compliance",
      key: "compliance",
      permission: "requirements.read",
      group: "programme",
      position: 88,
    },
  ],
  messages: ["requirements"],
});
