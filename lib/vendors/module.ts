import { everyone, officers, officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

export const vendorsModule = defineModule({
  name: "vendors",
  permissions: {
    vendors: {
      read: everyone,
      create: officers,
      update: officers,
      archive: officers,
      export: officersAndAuditors,
    },
  },
  auditActions: [
    "vendor.created",
    "vendor.updated",
    "vendor.archived",
    "vendor.restored",
    "vendor.exported",
    "vendor.review_flagged",
  ],
  nav: [
    {
      href: "/vendors",
      key: "vendors",
      permission: "vendors.read",
      group: "programme",
      position: 50,
    },
  ],
  messages: ["vendors"],
  jobs: async () => [(await import("./review-job")).vendorReviewJob],
});
