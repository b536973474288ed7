import {
  everyone,
  everyoneButAuditors,
  everyoneButEmployees,
  officers,
} from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/**
 * Staff training: courses with bilingual lessons and a question bank, assignment rules, quiz
 * attempts graded on the server, reminders and escalation, certificates with a public
 * verification code. Everyone who may act takes the courses assigned to them; managers read their
 * department's records (lib/training/department-status.ts), officers and auditors everyone's.
 */
export const trainingModule = defineModule({
  name: "training",
  permissions: {
    training: { read: everyone, take: everyoneButAuditors, manage: officers },
    trainingRecords: { read: everyoneButEmployees },
  },
  auditActions: [
    "training.course_created",
    "training.course_updated",
    "training.lesson_saved",
    "training.lesson_removed",
    "training.question_saved",
    "training.question_retired",
    "training.rule_added",
    "training.rule_removed",
    "training.assigned",
    "training.attempt_started",
    "training.attempt_submitted",
    "training.completed",
    "training.certificate_issued",
    "training.certificate_downloaded",
    "training.reminded",
    "training.escalated",
  ],
  nav: [
    {
      href: "/training",
      key: "training",
      permission: "training.read",
      group: "work",
      position: 25,
    },
  ],
  messages: ["training"],
  jobs: async () => {
    const [{ trainingAssignmentJob }, { trainingReminderJob }] = await Promise.all([
      import("./assignment-job"),
      import("./reminder-job"),
    ]);
    return [trainingAssignmentJob, trainingReminderJob];
  },
});
