CREATE TABLE "control_evaluations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"control_id" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"numerator" integer,
	"denominator" integer,
	"details" jsonb NOT NULL,
	CONSTRAINT "control_evaluations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "control_evaluations_status" CHECK ("control_evaluations"."status" in ('met', 'partly', 'not_met', 'no_data'))
);
--> statement-breakpoint
CREATE TABLE "compliance_audit_checklist" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"requirement_key" text NOT NULL,
	"requirement_version" integer NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_audit_checklist_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "compliance_audit_checklist_result" CHECK ("compliance_audit_checklist"."result" in ('pending', 'conforming', 'nonconforming', 'not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "compliance_audit_evidence" (
	"org_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"status" text NOT NULL,
	"numerator" integer,
	"denominator" integer,
	"details" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_audit_evidence_org_id_audit_id_control_id_pk" PRIMARY KEY("org_id","audit_id","control_id")
);
--> statement-breakpoint
CREATE TABLE "compliance_audit_findings" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"requirement_key" text,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_department_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"corrective_action" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"correction_note" text,
	"verification_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_audit_findings_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "compliance_audit_findings_severity" CHECK ("compliance_audit_findings"."severity" in ('major', 'minor', 'observation')),
	CONSTRAINT "compliance_audit_findings_status" CHECK ("compliance_audit_findings"."status" in ('open', 'corrected', 'verified'))
);
--> statement-breakpoint
CREATE TABLE "compliance_audits" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"regulator_order" text,
	"scope" text NOT NULL,
	"laws" text[] NOT NULL,
	"auditor_user_id" uuid,
	"auditor_vendor_id" uuid,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"conclusion" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_audits_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "compliance_audits_kind" CHECK ("compliance_audits"."kind" in ('routine', 'regulator_ordered')),
	CONSTRAINT "compliance_audits_status" CHECK ("compliance_audits"."status" in ('planned', 'in_progress', 'completed')),
	CONSTRAINT "compliance_audits_auditor" CHECK (("compliance_audits"."auditor_user_id" is null) <> ("compliance_audits"."auditor_vendor_id" is null)),
	CONSTRAINT "compliance_audits_order" CHECK ("compliance_audits"."kind" <> 'regulator_ordered' or "compliance_audits"."regulator_order" is not null),
	CONSTRAINT "compliance_audits_planned" CHECK ("compliance_audits"."planned_end" >= "compliance_audits"."planned_start")
);
--> statement-breakpoint
ALTER TABLE "control_evaluations" ADD CONSTRAINT "control_evaluations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audit_checklist" ADD CONSTRAINT "compliance_audit_checklist_org_id_audit_id_compliance_audits_org_id_id_fk" FOREIGN KEY ("org_id","audit_id") REFERENCES "public"."compliance_audits"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audit_evidence" ADD CONSTRAINT "compliance_audit_evidence_org_id_audit_id_compliance_audits_org_id_id_fk" FOREIGN KEY ("org_id","audit_id") REFERENCES "public"."compliance_audits"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audit_findings" ADD CONSTRAINT "compliance_audit_findings_org_id_audit_id_compliance_audits_org_id_id_fk" FOREIGN KEY ("org_id","audit_id") REFERENCES "public"."compliance_audits"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audit_findings" ADD CONSTRAINT "compliance_audit_findings_org_id_owner_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","owner_department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audit_findings" ADD CONSTRAINT "compliance_audit_findings_org_id_owner_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audits" ADD CONSTRAINT "compliance_audits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audits" ADD CONSTRAINT "compliance_audits_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audits" ADD CONSTRAINT "compliance_audits_org_id_auditor_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","auditor_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_audits" ADD CONSTRAINT "compliance_audits_org_id_auditor_vendor_id_vendors_org_id_id_fk" FOREIGN KEY ("org_id","auditor_vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "control_evaluations_day_key" ON "control_evaluations" USING btree ("org_id","control_id","evaluated_on");--> statement-breakpoint
CREATE INDEX "control_evaluations_recent_idx" ON "control_evaluations" USING btree ("org_id","evaluated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_audit_checklist_key" ON "compliance_audit_checklist" USING btree ("org_id","audit_id","requirement_key");--> statement-breakpoint
CREATE INDEX "compliance_audit_findings_audit_idx" ON "compliance_audit_findings" USING btree ("org_id","audit_id","id");--> statement-breakpoint
CREATE INDEX "compliance_audit_findings_department_idx" ON "compliance_audit_findings" USING btree ("org_id","owner_department_id","due_on");--> statement-breakpoint
CREATE INDEX "compliance_audit_findings_owner_idx" ON "compliance_audit_findings" USING btree ("org_id","owner_id","due_on");--> statement-breakpoint
CREATE INDEX "compliance_audits_planned_idx" ON "compliance_audits" USING btree ("org_id","planned_start","id");