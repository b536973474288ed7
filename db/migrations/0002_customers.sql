CREATE TABLE "customers" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_ref" text NOT NULL,
	"display_name_enc" "bytea",
	"phone_enc" "bytea",
	"email_enc" "bytea",
	"national_id_enc" "bytea",
	"phone_bidx" text,
	"email_bidx" text,
	"national_id_bidx" text,
	"name_masked" text,
	"phone_masked" text,
	"email_masked" text,
	"national_id_masked" text,
	"real_name_verified" boolean DEFAULT false NOT NULL,
	"region" text,
	"laws" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "customers_status" CHECK ("customers"."status" in ('active', 'closed', 'erased')),
	CONSTRAINT "customers_laws" CHECK ("customers"."laws" <@ array['PIPL', 'GDPR', 'CCPA']::text[])
);
--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_ref_key" ON "customers" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE INDEX "customers_phone_bidx_idx" ON "customers" USING btree ("org_id","phone_bidx");--> statement-breakpoint
CREATE INDEX "customers_email_bidx_idx" ON "customers" USING btree ("org_id","email_bidx");--> statement-breakpoint
CREATE INDEX "customers_national_id_bidx_idx" ON "customers" USING btree ("org_id","national_id_bidx");--> statement-breakpoint
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("org_id","created_at","id");