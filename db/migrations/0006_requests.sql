CREATE TABLE "data_subject_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"law" text NOT NULL,
	"customer_id" uuid,
	"channel" text NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"received_on" date NOT NULL,
	"verified_on" date,
	"identity_method" text,
	"paused_since" date,
	"extended" boolean DEFAULT false NOT NULL,
	"due_on" date,
	"acknowledge_by" date,
	"acknowledged_at" timestamp with time zone,
	"assignee_id" uuid,
	"duplicate_of_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tracking_token_hash" text NOT NULL,
	"rejection_reason" text,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_subject_requests_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "dsr_type" CHECK ("data_subject_requests"."type" in ('access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent', 'account_cancellation', 'question')),
	CONSTRAINT "dsr_status" CHECK ("data_subject_requests"."status" in ('received', 'awaiting_identity', 'verified', 'in_progress', 'awaiting_requester', 'completed', 'rejected')),
	CONSTRAINT "dsr_law" CHECK ("data_subject_requests"."law" in ('PIPL', 'GDPR', 'CCPA')),
	CONSTRAINT "dsr_rejection_reason" CHECK ("data_subject_requests"."status" <> 'rejected' or "data_subject_requests"."rejection_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body_enc" "bytea",
	"visible_to_requester" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_exports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text DEFAULT 'building' NOT NULL,
	"file_enc" "bytea",
	"size_bytes" integer,
	"sha256" text,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"downloads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_exports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_rectifications" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"field" text NOT NULL,
	"proposed_enc" "bytea",
	"decision" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_rectifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_vendor_tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"data_categories" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_vendor_tasks_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "working_calendars" (
	"org_id" uuid NOT NULL,
	"calendar" text DEFAULT 'CN' NOT NULL,
	"year" integer NOT NULL,
	"holidays" jsonb NOT NULL,
	"makeup_workdays" text[] DEFAULT '{}' NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_calendars_org_id_calendar_year_pk" PRIMARY KEY("org_id","calendar","year")
);
--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_org_id_request_id_data_subject_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."data_subject_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_exports" ADD CONSTRAINT "request_exports_org_id_request_id_data_subject_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."data_subject_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_rectifications" ADD CONSTRAINT "request_rectifications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_rectifications" ADD CONSTRAINT "request_rectifications_org_id_request_id_data_subject_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."data_subject_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_vendor_tasks" ADD CONSTRAINT "request_vendor_tasks_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_vendor_tasks" ADD CONSTRAINT "request_vendor_tasks_org_id_request_id_data_subject_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."data_subject_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_vendor_tasks" ADD CONSTRAINT "request_vendor_tasks_org_id_vendor_id_vendors_org_id_id_fk" FOREIGN KEY ("org_id","vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_calendars" ADD CONSTRAINT "working_calendars_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_subject_requests_reference_key" ON "data_subject_requests" USING btree ("org_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "data_subject_requests_tracking_key" ON "data_subject_requests" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE INDEX "data_subject_requests_due_idx" ON "data_subject_requests" USING btree ("org_id","due_on","id");--> statement-breakpoint
CREATE INDEX "data_subject_requests_received_idx" ON "data_subject_requests" USING btree ("org_id","received_on","id");--> statement-breakpoint
CREATE INDEX "data_subject_requests_customer_idx" ON "data_subject_requests" USING btree ("org_id","customer_id","type");--> statement-breakpoint
CREATE INDEX "data_subject_requests_open_idx" ON "data_subject_requests" USING btree ("org_id","status","due_on","id") WHERE status not in ('completed', 'rejected');--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("org_id","request_id","created_at");--> statement-breakpoint
CREATE INDEX "request_exports_request_idx" ON "request_exports" USING btree ("org_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_rectifications_field_key" ON "request_rectifications" USING btree ("org_id","request_id","field");--> statement-breakpoint
CREATE UNIQUE INDEX "request_vendor_tasks_once" ON "request_vendor_tasks" USING btree ("org_id","request_id","vendor_id");