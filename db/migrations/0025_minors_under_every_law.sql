ALTER TABLE "organizations" ADD COLUMN "gdpr_child_age" smallint DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "minor_born_on" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_gdpr_child_age" CHECK ("organizations"."gdpr_child_age" between 13 and 16);--> statement-breakpoint
-- Customers under 14 keep their age: the birth date from the 14th birthday minor_until held
-- (born 29 February reads as 1 March, the younger reading). Those aged 14 and 15 had none:
-- `npm run customers:backfill-minors` reads their sealed birth dates (docs/operations.md).
UPDATE "customers" SET "minor_born_on" = ("minor_until" - interval '14 years')::date
WHERE "minor_until" IS NOT NULL AND "status" <> 'erased';
