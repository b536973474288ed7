CREATE TABLE "incident_affected_customers" (
	"org_id" uuid NOT NULL,
	"set_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"message_id" uuid,
	CONSTRAINT "incident_affected_customers_org_id_set_id_customer_id_pk" PRIMARY KEY("org_id","set_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "incident_affected_sets" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"csv_refs" text[],
	"status" text DEFAULT 'selecting' NOT NULL,
	"scanned" bigint DEFAULT 0 NOT NULL,
	"to_scan" bigint DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"matched" bigint DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{"laws":{},"regions":{},"californiaResidents":0,"unmatchedRefs":0}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "incident_affected_sets_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "incident_affected_sets_status" CHECK ("incident_affected_sets"."status" in ('selecting', 'selected', 'committed', 'superseded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "incident_notices" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"set_id" uuid,
	"texts" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"processed" bigint DEFAULT 0 NOT NULL,
	"queued" bigint DEFAULT 0 NOT NULL,
	"no_contact" bigint DEFAULT 0 NOT NULL,
	"erased" bigint DEFAULT 0 NOT NULL,
	"earlier" bigint DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"created_by" uuid NOT NULL,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "incident_notices_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "incident_notices_status" CHECK ("incident_notices"."status" in ('draft', 'sending', 'sent', 'failed')),
	CONSTRAINT "incident_notices_set" CHECK ("incident_notices"."status" = 'draft' or "incident_notices"."set_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "affected_count" bigint;--> statement-breakpoint
ALTER TABLE "incident_affected_customers" ADD CONSTRAINT "incident_affected_customers_org_id_set_id_incident_affected_sets_org_id_id_fk" FOREIGN KEY ("org_id","set_id") REFERENCES "public"."incident_affected_sets"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_affected_sets" ADD CONSTRAINT "incident_affected_sets_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_affected_sets" ADD CONSTRAINT "incident_affected_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notices" ADD CONSTRAINT "incident_notices_org_id_incident_id_incidents_org_id_id_fk" FOREIGN KEY ("org_id","incident_id") REFERENCES "public"."incidents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notices" ADD CONSTRAINT "incident_notices_org_id_set_id_incident_affected_sets_org_id_id_fk" FOREIGN KEY ("org_id","set_id") REFERENCES "public"."incident_affected_sets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notices" ADD CONSTRAINT "incident_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_affected_sets_incident_idx" ON "incident_affected_sets" USING btree ("org_id","incident_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_affected_sets_committed_idx" ON "incident_affected_sets" USING btree ("org_id","incident_id") WHERE status = 'committed';--> statement-breakpoint
CREATE UNIQUE INDEX "incident_notices_set_idx" ON "incident_notices" USING btree ("org_id","set_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_notices_draft_idx" ON "incident_notices" USING btree ("org_id","incident_id") WHERE status = 'draft';