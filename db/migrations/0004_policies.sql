CREATE TABLE "policy_documents" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_documents_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"authoritative_locale" text DEFAULT 'zh-CN' NOT NULL,
	"content" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"change_summary" text DEFAULT '' NOT NULL,
	"material_change" boolean DEFAULT false NOT NULL,
	"effective_on" date NOT NULL,
	"publish_on_effective" boolean DEFAULT false NOT NULL,
	"author_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"rejection_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_org_id_document_id_policy_documents_org_id_id_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."policy_documents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_documents_slug_key" ON "policy_documents" USING btree ("org_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_number_key" ON "policy_versions" USING btree ("org_id","document_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_one_published" ON "policy_versions" USING btree ("org_id","document_id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "policy_versions_due_idx" ON "policy_versions" USING btree ("org_id","effective_on") WHERE status = 'approved' and publish_on_effective;