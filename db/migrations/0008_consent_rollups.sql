CREATE TABLE "consent_daily_counts" (
	"org_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"occurred_on" date NOT NULL,
	"purpose_id" uuid NOT NULL,
	"action" text NOT NULL,
	"gpc" boolean NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "consent_daily_counts_pk" PRIMARY KEY("org_id","recorded_on","occurred_on","purpose_id","action","gpc"),
	CONSTRAINT "consent_daily_counts_action" CHECK ("consent_daily_counts"."action" in ('grant', 'deny', 'withdraw'))
);
--> statement-breakpoint
CREATE TABLE "consent_purpose_snapshots" (
	"org_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"granted" integer NOT NULL,
	"denied" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"reconsent_since" timestamp with time zone,
	"waiting" integer,
	"reconsented" integer,
	CONSTRAINT "consent_purpose_snapshots_org_id_purpose_id_pk" PRIMARY KEY("org_id","purpose_id")
);
--> statement-breakpoint
CREATE TABLE "consent_rollup_state" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"pending_from" date,
	"gpc_customers" integer,
	"snapshot_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consent_daily_counts" ADD CONSTRAINT "consent_daily_counts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_daily_counts" ADD CONSTRAINT "consent_daily_counts_org_id_purpose_id_purposes_org_id_id_fk" FOREIGN KEY ("org_id","purpose_id") REFERENCES "public"."purposes"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_purpose_snapshots" ADD CONSTRAINT "consent_purpose_snapshots_org_id_purpose_id_purposes_org_id_id_fk" FOREIGN KEY ("org_id","purpose_id") REFERENCES "public"."purposes"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_rollup_state" ADD CONSTRAINT "consent_rollup_state_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;