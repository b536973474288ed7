import {
  admins,
  everyone,
  everyoneButAuditors,
  officers,
  officersAndAuditors,
} from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/**
 * Incidents and personal-information breaches: reports from anyone, triage and grading by
 * officers, the legal clocks (reference rules plus the organisation's own). Who sees which
 * incident is narrowed in lib/incidents/visibility.ts: reporters their own reports, managers their
 * department's, officers and auditors every one.
 */
export const incidentsModule = defineModule({
  name: "incidents",
  permissions: {
    incidents: { read: everyone, report: everyoneButAuditors, manage: officers },
    /** Reports to regulators, evidence files and the breach register: officers and auditors. */
    incidentRecords: { read: officersAndAuditors },
    /** The organisation's clock rules and settings (CII operator, the PIPL target). */
    incidentClocks: { manage: admins },
  },
  auditActions: [
    "incident.reported",
    "incident.triaged",
    "incident.grade_confirmed",
    "incident.status_changed",
    "incident.clock_marked",
    "incident.clock_passed",
    "incident.clock_rule_added",
    "incident.settings_updated",
    "incident.affected_selection_started",
    "incident.affected_selected",
    "incident.affected_selection_failed",
    "incident.affected_committed",
    "incident.notice_drafted",
    "incident.notice_started",
    "incident.notices_queued",
    "incident.notice_sent",
    "incident.notice_failed",
    // Response (lib/incidents/response).
    "incident.report_prepared",
    "incident.report_submitted",
    "incident.report_downloaded",
    "incident.task_added",
    "incident.task_updated",
    "incident.timeline_entry_added",
    "incident.evidence_downloaded",
    "incident.reviewed",
    "incident.register_exported",
  ],
  nav: [
    {
      href: "/incidents",
      key: "incidents",
      permission: "incidents.read",
      group: "work",
      position: 45,
    },
    {
      href: "/settings/incidents",
      key: "incidentClocks",
      permission: "incidentClocks.manage",
      group: "organisation",
      position: 145,
    },
  ],
  messages: ["incidents", "incidentAffected", "incidentResponse"],
  jobs: async () => [
    (await import("./clock-alert-job")).incidentClockAlertJob,
    (await import("./affected/selection-job")).incidentAffectedSelectionJob,
    (await import("./affected/selection-job")).incidentAffectedSelectionSweepJob,
    (await import("./notices/notice-job")).incidentNoticeJob,
    (await import("./notices/notice-job")).incidentNoticeSweepJob,
  ],
});
