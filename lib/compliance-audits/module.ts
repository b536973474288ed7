import { everyoneButAuditors, officers, officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/**
 * Compliance audits (PIPL Arts. 54, 64; the 2025 measures): audits held against the library's
 * requirements, a checklist, the controls' evidence as it stood, findings owned by a department
 * and a person (on their My tasks), and the report. The obligation is the audit_cycle control.
 */
export const complianceAuditsModule = defineModule({
  name: "compliance-audits",
  permissions: {
    compliance_audits: { read: officersAndAuditors, manage: officers, export: officersAndAuditors },
    /** A finding's owner records its corrective action as done (the command checks ownership). */
    audit_findings: { respond: everyoneButAuditors },
  },
  auditActions: [
    "compliance_audit.created",
    "compliance_audit.started",
    "compliance_audit.completed",
    "compliance_audit.checklist_updated",
    "compliance_audit.report_downloaded",
    "compliance_finding.created",
    "compliance_finding.status_changed",
  ],
  nav: [
    {
      href: "/compliance-audits",
      key: "complianceAudits",
      permission: "compliance_audits.read",
      group: "programme",
      position: 89,
    },
  ],
  messages: ["complianceAudits"],
});
