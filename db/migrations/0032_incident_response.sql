CREATE TABLE "incident_evidence_files" (
	"org_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "incident_evidence_files_org_id_entry_id_pk" PRIMARY KEY("org_id","entry_id"),
	CONSTRAINT "incident_evidence_files_size" CHECK ("incident_evidence_files"."size" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "incident_regulator_reports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"stage" text NOT NULL,
	"facts" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"prepared_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"channel" text,
	"submission_reference" text,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_regulator_reports_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "incident_regulator_reports_kind" CHECK ("incident_regulator_reports"."kind" in ('cac', 'gdpr33')),
	CONSTRAINT "incident_regulator_reports_stage" CHECK ("incident_regulator_reports"."stage" in ('initial', 'supplementary', 'final')),
	CONSTRAINT "incident_regulator_reports_submission" CHECK (("incident_regulator_reports"."submitted_at" is null) = ("incident_regulator_reports"."channel" is null) and ("incident_regulator_reports"."submitted_at" is null) = ("incident_regulator_reports"."submitted_by" is null))
);
--> statement-breakpoint
CREATE TABLE "incident_reviews" (
	"org_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"what_worked" text NOT NULL,
	"lessons" text NOT NULL,
	"completed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_reviews_org_id_incident_id_pk" PRIMARY KEY("org_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "incident_risks" (
	"org_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	CONSTRAINT "incident_risks_org_id_incident_id_risk_id_pk" PRIMARY KEY("org_id","incident_id","risk_id")
);
--> statement-breakpoint
CREATE TABLE "incident_tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"from_review" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_tasks_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "incident_tasks_status" CHECK ("incident_tasks"."status" in ('open', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE TABLE "incident_timeline_entries" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_timeline_entries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "incident_evidence_files" ADD CONSTRAINT "incident_evidence_files_org_id_entry_id_incident_timeline_entries_org_id_id_fk" FOREIGN KEY ("org_id","entry_id") REFERENCES "public"."incident_timeline_entries"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_regulator_reports" ADD CONSTRAINT "incident_regulator_reports_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_regulator_reports" ADD CONSTRAINT "incident_regulator_reports_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_regulator_reports" ADD CONSTRAINT "incident_regulator_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reviews" ADD CONSTRAINT "incident_reviews_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reviews" ADD CONSTRAINT "incident_reviews_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_risks" ADD CONSTRAINT "incident_risks_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_risks" ADD CONSTRAINT "incident_risks_org_id_risk_id_risks_org_id_id_fk" FOREIGN KEY ("org_id","risk_id") REFERENCES "public"."risks"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline_entries" ADD CONSTRAINT "incident_timeline_entries_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline_entries" ADD CONSTRAINT "incident_timeline_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_regulator_reports_version_idx" ON "incident_regulator_reports" USING btree ("org_id","incident_id","kind","version");--> statement-breakpoint
CREATE INDEX "incident_tasks_owner_idx" ON "incident_tasks" USING btree ("org_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "incident_tasks_incident_idx" ON "incident_tasks" USING btree ("org_id","incident_id");--> statement-breakpoint
CREATE INDEX "incident_timeline_entries_incident_idx" ON "incident_timeline_entries" USING btree ("org_id","incident_id","occurred_at");