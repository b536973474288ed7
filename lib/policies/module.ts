import { everyone, everyoneButEmployees, officers } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** Policies with their four-eyes workflow, and the acknowledgements staff give on "My tasks". */
export const policiesModule = defineModule({
  name: "policies",
  permissions: {
    policies: { read: everyone, edit: officers, approve: officers, publish: officers },
    acknowledgements: { read: everyoneButEmployees },
  },
  auditActions: [
    "policy.created",
    "policy.version_drafted",
    "policy.version_updated",
    "policy.version_submitted",
    "policy.version_approved",
    "policy.version_rejected",
    "policy.version_scheduled",
    "policy.version_effective_date_changed",
    "policy.version_published",
    "policy.version_superseded",
    "policy.acknowledged",
    "policy.settings_changed",
  ],
  nav: [
    { href: "/tasks", key: "tasks", permission: "policies.read", group: "work", position: 20 },
    {
      href: "/policies",
      key: "policies",
      permission: "policies.read",
      group: "programme",
      position: 60,
    },
  ],
  messages: ["policies", "tasks"],
  jobs: async () => [(await import("./publish-job")).policyPublicationJob],
});
