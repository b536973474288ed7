CREATE TABLE "data_keys" (
	"org_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"org_key_version" integer NOT NULL,
	"wrapped_key" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"destroyed_at" timestamp with time zone,
	CONSTRAINT "data_keys_org_id_subject_id_pk" PRIMARY KEY("org_id","subject_id"),
	CONSTRAINT "data_keys_destroyed_has_no_key" CHECK (("data_keys"."wrapped_key" is null) = ("data_keys"."destroyed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "org_keys" (
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_keys_org_id_version_pk" PRIMARY KEY("org_id","version"),
	CONSTRAINT "org_keys_status" CHECK ("org_keys"."status" in ('primary', 'decrypt_only', 'destroyed')),
	CONSTRAINT "org_keys_version_positive" CHECK ("org_keys"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "data_keys" ADD CONSTRAINT "data_keys_org_id_org_key_version_org_keys_org_id_version_fk" FOREIGN KEY ("org_id","org_key_version") REFERENCES "public"."org_keys"("org_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_keys" ADD CONSTRAINT "org_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "org_keys_one_primary" ON "org_keys" USING btree ("org_id") WHERE "org_keys"."status" = 'primary';