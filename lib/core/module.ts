import {
  everyone,
  everyoneButEmployees,
  officers,
  officersAndAuditors,
} from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** The cross-cutting core: sign-in, the overview, the audit log and its checkpoints, rate limits. */
export const coreModule = defineModule({
  name: "core",
  permissions: {
    overview: { read: everyone },
    audit: { read: everyoneButEmployees, export: officersAndAuditors, checkpoint: officers },
  },
  auditActions: [
    "auth.signed_in",
    "auth.sign_in_failed",
    "auth.locked",
    "auth.signed_out",
    "audit.exported",
    "audit.checkpoint_created",
    "audit.checkpoint_verified",
  ],
  nav: [
    { href: "/", key: "overview", permission: "overview.read", group: "work", position: 10 },
    { href: "/audit", key: "audit", permission: "audit.read", group: "programme", position: 90 },
  ],
  messages: ["common", "errors", "auth", "nav", "overview", "audit"],
  jobs: async () => [
    (await import("./audit/checkpoint-job")).auditCheckpointJob,
    (await import("./rate-limit-job")).rateLimitPruneJob,
    (await import("./auth/sign-in-failure-audit")).signInFailureAuditJob,
  ],
});
