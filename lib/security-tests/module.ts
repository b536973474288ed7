import { everyoneButEmployees, officers, officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/**
 * Security assessments (penetration tests, scans, code audits, bug bounties, red teams) and their
 * findings. Managers read the findings their department owns; a finding's owner sees it on My tasks.
 */
export const securityTestsModule = defineModule({
  name: "security-tests",
  permissions: {
    security_tests: { read: everyoneButEmployees, manage: officers, export: officersAndAuditors },
  },
  auditActions: [
    "security_assessment.created",
    "security_assessment.report_uploaded",
    "security_assessment.report_downloaded",
    "security_finding.created",
    "security_finding.status_changed",
    "security_finding.periods_updated",
  ],
  nav: [
    {
      href: "/security-tests",
      key: "securityTests",
      permission: "security_tests.read",
      group: "programme",
      position: 84,
    },
  ],
  messages: ["securityTests"],
});
