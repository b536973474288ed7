import { idempotencyPruneJob } from "@/lib/api/idempotency";
import { auditCheckpointJob } from "@/lib/core/audit/checkpoint-job";
import { consentRollupJob } from "@/lib/consent/rollup-job";
import { keyRotationJob, keyRotationSweepJob } from "@/lib/keys/rotation-job";
import { rateLimitPruneJob } from "@/lib/core/rate-limit-job";
import { customerImportJob, customerImportSweepJob } from "@/lib/imports/import-job";
import { messageDeliveryJob } from "@/lib/outbox/delivery-job";
import { policyPublicationJob } from "@/lib/policies/publish-job";
import { requestExportJob, requestExportSweepJob } from "@/lib/requests/fulfilment/export-job";
import { vendorReviewJob } from "@/lib/vendors/review-job";
import type { JobDefinition } from "./job";

/** Every background job the worker runs. Modules add their jobs here. */
export const jobs: JobDefinition[] = [auditCheckpointJob, vendorReviewJob, rateLimitPruneJob, keyRotationJob, keyRotationSweepJob, customerImportJob, customerImportSweepJob, idempotencyPruneJob, policyPublicationJob, messageDeliveryJob, requestExportJob, requestExportSweepJob, consentRollupJob];
