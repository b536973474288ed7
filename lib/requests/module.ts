import { everyone, everyoneButAuditors, officers } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** Data-subject requests: clocks on the working calendar, workflow, fulfilment, the portal's request pages. */
export const requestsModule = defineModule({
  name: "requests",
  permissions: {
    requests: { read: everyone, create: everyoneButAuditors, handle: officers },
    calendar: { manage: officers },
    /** The GDPR zone and PIPL periods request clocks run on. */
    clocks: { manage: officers },
  },
  auditActions: [
    "request.created",
    "request.duplicate_linked",
    "request.identity_verified",
    "request.status_changed",
    "request.assigned",
    "request.note_added",
    "request.message_sent",
    "request.message_received",
    "request.extended",
    "request.rejected",
    "request.completed",
    "request.export_requested",
    "request.export_built",
    "request.export_failed",
    "request.downloaded",
    "request.rectification_proposed",
    "request.rectification_decided",
    "request.vendor_task_confirmed",
    "request.acknowledged",
    "request.clock_settings_updated",
    "request.tracking_link_renewed",
    "calendar.updated",
    "calendar.reminder_created",
  ],
  nav: [
    {
      href: "/requests",
      key: "requests",
      permission: "requests.read",
      group: "work",
      position: 40,
    },
    {
      href: "/settings/calendar",
      key: "calendar",
      permission: "calendar.manage",
      group: "organisation",
      position: 140,
    },
  ],
  messages: ["requests", "fulfilment", "portalRequests"],
  jobs: async () => {
    const { requestExportJob, requestExportSweepJob } = await import("./fulfilment/export-job");
    const { calendarReminderJob } = await import("./calendar-reminder-job");
    return [requestExportJob, requestExportSweepJob, calendarReminderJob];
  },
});
