import { officers, officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/**
 * Controls that collect their own evidence: each maps requirements of the library to a query over
 * what the product records, evaluated daily by a job (and on demand), its results kept as a trend.
 */
export const controlsModule = defineModule({
  name: "controls",
  permissions: {
    controls: { read: officersAndAuditors, evaluate: officers },
  },
  auditActions: ["control.evaluated"],
  nav: [],
  messages: ["controls"],
  jobs: async () => [(await import("./evaluate-job")).controlEvaluationJob],
});
