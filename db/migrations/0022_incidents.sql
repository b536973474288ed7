CREATE TABLE "incident_clock_alerts" (
	"org_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"rule_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_clock_alerts_org_id_incident_id_rule_key_pk" PRIMARY KEY("org_id","incident_id","rule_key")
);
--> statement-breakpoint
CREATE TABLE "incident_clock_marks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"rule_key" text NOT NULL,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	"exception" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_clock_marks_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "incident_clock_marks_outcome" CHECK ("incident_clock_marks"."outcome" in ('done', 'waived'))
);
--> statement-breakpoint
CREATE TABLE "incident_clock_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"law" text NOT NULL,
	"recipient" text NOT NULL,
	"trigger" jsonb NOT NULL,
	"period_amount" integer,
	"period_unit" text,
	"start_event" text NOT NULL,
	"checklist" text[] DEFAULT '{}' NOT NULL,
	"source" text NOT NULL,
	"in_force_from" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_clock_rules_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "incident_clock_rules_unit" CHECK ("incident_clock_rules"."period_unit" is null or "incident_clock_rules"."period_unit" in ('hours', 'calendar_days', 'working_days'))
);
--> statement-breakpoint
CREATE TABLE "incident_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"cii_operator" boolean DEFAULT false NOT NULL,
	"pipl_target_hours" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"discovered_at" timestamp with time zone NOT NULL,
	"reported_by" uuid NOT NULL,
	"department_id" uuid,
	"systems" text[] DEFAULT '{}' NOT NULL,
	"data_categories" text[] DEFAULT '{}' NOT NULL,
	"estimated_affected" bigint,
	"vendor_id" uuid,
	"status" text DEFAULT 'reported' NOT NULL,
	"classification" text,
	"breach_types" text[] DEFAULT '{}' NOT NULL,
	"dismiss_reason" text,
	"drill" boolean DEFAULT false NOT NULL,
	"direct_loss_cny" bigint,
	"affected_laws" text[] DEFAULT '{}' NOT NULL,
	"california_residents" bigint,
	"proposed_grade" text,
	"grade" text,
	"grade_reason" text,
	"grade_confirmed_by" uuid,
	"gdpr_risk" text,
	"gdpr_risk_reason" text,
	"assignee_id" uuid,
	"triaged_at" timestamp with time zone,
	"contained_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "incidents_status" CHECK ("incidents"."status" in ('reported', 'triage', 'investigating', 'contained', 'notifying', 'closed', 'dismissed')),
	CONSTRAINT "incidents_not_incident_reason" CHECK ("incidents"."classification" is distinct from 'not_incident' or "incidents"."dismiss_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "message_outbox" DROP CONSTRAINT "message_outbox_one_subject";--> statement-breakpoint
ALTER TABLE "message_outbox" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "incident_clock_alerts" ADD CONSTRAINT "incident_clock_alerts_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_clock_marks" ADD CONSTRAINT "incident_clock_marks_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_clock_rules" ADD CONSTRAINT "incident_clock_rules_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_settings" ADD CONSTRAINT "incident_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_vendor_id_vendors_org_id_id_fk" FOREIGN KEY ("org_id","vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_clock_marks_rule_idx" ON "incident_clock_marks" USING btree ("org_id","incident_id","rule_key");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_clock_rules_key_idx" ON "incident_clock_rules" USING btree ("org_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_reference_idx" ON "incidents" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "incidents_status_idx" ON "incidents" USING btree ("org_id","status","id");--> statement-breakpoint
CREATE INDEX "incidents_reporter_idx" ON "incidents" USING btree ("org_id","reported_by");--> statement-breakpoint
ALTER TABLE "message_outbox" ADD CONSTRAINT "message_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_outbox" ADD CONSTRAINT "message_outbox_one_subject" CHECK (num_nonnulls("message_outbox"."customer_id", "message_outbox"."invitation_id", "message_outbox"."user_id") = 1);