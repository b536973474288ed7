CREATE TABLE "policy_acknowledgements" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_acknowledgements_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent_batches" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"event_count" integer NOT NULL,
	"merkle_root" text NOT NULL,
	"audit_seq" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_batches_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent_events" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"action" text NOT NULL,
	"policy_version_id" uuid,
	"notice_hash" text,
	"channel" text NOT NULL,
	"locale" text,
	"ip_truncated" text,
	"user_agent" text,
	"gpc" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"staff_user_id" uuid,
	"staff_reason" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"batch_id" uuid NOT NULL,
	"batch_seq" integer NOT NULL,
	"content_hash" "bytea" NOT NULL,
	CONSTRAINT "consent_events_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "consent_events_action" CHECK ("consent_events"."action" in ('grant', 'deny', 'withdraw')),
	CONSTRAINT "consent_events_channel" CHECK ("consent_events"."channel" in ('app', 'web', 'mini_program', 'sms', 'offline', 'api')),
	CONSTRAINT "consent_events_source" CHECK ("consent_events"."source" in ('customer', 'platform_api', 'staff')),
	CONSTRAINT "consent_events_staff_reason" CHECK ("consent_events"."source" <> 'staff' or ("consent_events"."staff_user_id" is not null and "consent_events"."staff_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "consent_state" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"status" text NOT NULL,
	"event_id" uuid NOT NULL,
	"policy_version_id" uuid,
	"gpc" boolean DEFAULT false NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_state_org_id_customer_id_purpose_id_pk" PRIMARY KEY("org_id","customer_id","purpose_id"),
	CONSTRAINT "consent_state_status" CHECK ("consent_state"."status" in ('granted', 'denied', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "purposes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"legal_basis" text NOT NULL,
	"consent_kind" text NOT NULL,
	"separate_grounds" text[] DEFAULT '{}' NOT NULL,
	"data_categories" text[] DEFAULT '{}' NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"recipient_vendor_ids" uuid[] DEFAULT '{}' NOT NULL,
	"cross_border_destination" text,
	"required" boolean DEFAULT false NOT NULL,
	"policy_document_id" uuid,
	"policy_version_id" uuid,
	"reconsent_since" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purposes_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "purposes_code_format" CHECK ("purposes"."code" ~ '^[a-z][a-z0-9_]{1,62}$'),
	CONSTRAINT "purposes_legal_basis" CHECK ("purposes"."legal_basis" in ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_interest', 'legitimate_interest')),
	CONSTRAINT "purposes_consent_kind" CHECK ("purposes"."consent_kind" in ('standard', 'separate', 'opt_out'))
);
--> statement-breakpoint
CREATE TABLE "message_outbox" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"locale" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"recipient_enc" "bytea" NOT NULL,
	"subject_enc" "bytea",
	"body_enc" "bytea" NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "message_outbox_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "message_outbox_channel" CHECK ("message_outbox"."channel" in ('sms', 'email')),
	CONSTRAINT "message_outbox_status" CHECK ("message_outbox"."status" in ('pending', 'sent', 'failed', 'held'))
);
--> statement-breakpoint
CREATE TABLE "portal_challenges" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_challenges_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "acknowledgement_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "audience_department_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_acknowledgements" ADD CONSTRAINT "policy_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_acknowledgements" ADD CONSTRAINT "policy_acknowledgements_org_id_version_id_policy_versions_org_id_id_fk" FOREIGN KEY ("org_id","version_id") REFERENCES "public"."policy_versions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_batches" ADD CONSTRAINT "consent_batches_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_org_id_purpose_id_purposes_org_id_id_fk" FOREIGN KEY ("org_id","purpose_id") REFERENCES "public"."purposes"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_org_id_batch_id_consent_batches_org_id_id_fk" FOREIGN KEY ("org_id","batch_id") REFERENCES "public"."consent_batches"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_state" ADD CONSTRAINT "consent_state_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_state" ADD CONSTRAINT "consent_state_org_id_purpose_id_purposes_org_id_id_fk" FOREIGN KEY ("org_id","purpose_id") REFERENCES "public"."purposes"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_org_id_policy_document_id_policy_documents_org_id_id_fk" FOREIGN KEY ("org_id","policy_document_id") REFERENCES "public"."policy_documents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_org_id_policy_version_id_policy_versions_org_id_id_fk" FOREIGN KEY ("org_id","policy_version_id") REFERENCES "public"."policy_versions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_outbox" ADD CONSTRAINT "message_outbox_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_outbox" ADD CONSTRAINT "message_outbox_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_challenges" ADD CONSTRAINT "portal_challenges_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_challenges" ADD CONSTRAINT "portal_challenges_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_acknowledgements_once" ON "policy_acknowledgements" USING btree ("org_id","version_id","user_id");--> statement-breakpoint
CREATE INDEX "consent_events_customer_idx" ON "consent_events" USING btree ("org_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "consent_events_recorded_idx" ON "consent_events" USING btree ("org_id","recorded_at","id");--> statement-breakpoint
CREATE INDEX "consent_events_batch_idx" ON "consent_events" USING btree ("org_id","batch_id","batch_seq");--> statement-breakpoint
CREATE INDEX "consent_state_purpose_idx" ON "consent_state" USING btree ("org_id","purpose_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "purposes_code_key" ON "purposes" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "message_outbox_created_idx" ON "message_outbox" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "message_outbox_pending_idx" ON "message_outbox" USING btree ("org_id","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "portal_challenges_expiry_idx" ON "portal_challenges" USING btree ("expires_at");