import { defineModule } from "@/lib/core/modules/define-module";

/** CSV imports of customers (permission `customers.import`, declared by the customers module). */
export const importsModule = defineModule({
  name: "imports",
  auditActions: [
    "customer.import_uploaded",
    "customer.import_started",
    "customer.import_completed",
    "customer.import_failed",
  ],
  messages: ["imports"],
  jobs: async () => {
    const { customerImportJob, customerImportSweepJob } = await import("./import-job");
    return [customerImportJob, customerImportSweepJob];
  },
});
