ALTER TABLE "data_subject_requests" DROP CONSTRAINT "dsr_type";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "gdpr_time_zone" text DEFAULT 'Europe/Brussels' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "pipl_periods" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD COLUMN "laws" text[];--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD COLUMN "laws_basis" text;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD COLUMN "clock_terms" jsonb;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD COLUMN "due_unit" text;--> statement-breakpoint
-- Existing requests (hand-written): they ran on one law, whose clock they keep. The receipt instant
-- is taken as the start of the stored received date in that law's zone (PIPL Asia/Shanghai, CCPA
-- America/Los_Angeles, GDPR Europe/Brussels, the default EU establishment), so every stored date
-- stays what it was. Why the law applied was not recorded then: laws_basis stays null.
UPDATE "data_subject_requests" SET
  "laws" = ARRAY["law"],
  "clock_terms" = '{"gdprTimeZone": "Europe/Brussels", "piplPeriod": {"amount": 15, "unit": "working_days"}}'::jsonb,
  "received_at" = "received_on"::timestamp AT TIME ZONE (CASE "law" WHEN 'PIPL' THEN 'Asia/Shanghai' WHEN 'CCPA' THEN 'America/Los_Angeles' ELSE 'Europe/Brussels' END),
  "due_unit" = CASE WHEN "due_on" IS NULL THEN NULL WHEN "law" = 'PIPL' THEN 'working_days' WHEN "law" = 'CCPA' THEN 'calendar_days' ELSE 'business_days' END;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ALTER COLUMN "laws" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ALTER COLUMN "clock_terms" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ALTER COLUMN "received_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "dsr_laws" CHECK ("data_subject_requests"."laws" <@ array['PIPL', 'GDPR', 'CCPA']::text[] and cardinality("data_subject_requests"."laws") > 0 and "data_subject_requests"."law" = any("data_subject_requests"."laws"));--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "dsr_laws_basis" CHECK ("data_subject_requests"."laws_basis" in ('customer', 'region', 'organisation', 'region_outside'));--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "dsr_due_unit" CHECK ("data_subject_requests"."due_unit" in ('working_days', 'business_days', 'calendar_days'));--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "dsr_type" CHECK ("data_subject_requests"."type" in ('access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent', 'account_cancellation', 'question', 'opt_out_sale_sharing', 'limit_sensitive'));
