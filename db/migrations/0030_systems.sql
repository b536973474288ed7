CREATE TABLE "systems" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"owner_department_id" uuid,
	"hosting_location" text NOT NULL,
	"country" text NOT NULL,
	"vendor_id" uuid,
	"data_categories" text[] DEFAULT '{}' NOT NULL,
	"purpose_ids" uuid[] DEFAULT '{}' NOT NULL,
	"security_measures" text[] DEFAULT '{}' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "systems_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "systems_kind" CHECK ("systems"."kind" in ('application', 'database', 'sdk', 'service', 'storage'))
);
--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_org_id_owner_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","owner_department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_org_id_vendor_id_vendors_org_id_id_fk" FOREIGN KEY ("org_id","vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "systems_name_key" ON "systems" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "systems_vendor_idx" ON "systems" USING btree ("org_id","vendor_id");