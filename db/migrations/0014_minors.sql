ALTER TABLE "customers" ADD COLUMN "minor_until" date;--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "by_guardian" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_state" ADD COLUMN "by_guardian" boolean DEFAULT false NOT NULL;