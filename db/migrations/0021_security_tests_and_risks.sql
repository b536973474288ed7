CREATE TABLE "security_assessment_reports" (
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_assessment_reports_org_id_assessment_id_pk" PRIMARY KEY("org_id","assessment_id"),
	CONSTRAINT "security_assessment_reports_size" CHECK ("security_assessment_reports"."size" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "security_assessments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"tester_vendor_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_assessments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "security_assessments_kind" CHECK ("security_assessments"."kind" in ('penetration_test', 'vulnerability_scan', 'code_audit', 'bug_bounty', 'red_team')),
	CONSTRAINT "security_assessments_dates" CHECK ("security_assessments"."ended_on" is null or "security_assessments"."ended_on" >= "security_assessments"."started_on")
);
--> statement-breakpoint
CREATE TABLE "security_findings" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"priority" text NOT NULL,
	"cvss_score" numeric(3, 1),
	"found_on" date NOT NULL,
	"due_on" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_findings_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "security_findings_priority" CHECK ("security_findings"."priority" in ('P1', 'P2', 'P3', 'P4')),
	CONSTRAINT "security_findings_status" CHECK ("security_findings"."status" in ('open', 'in_remediation', 'fixed', 'retest_passed', 'retest_failed')),
	CONSTRAINT "security_findings_cvss" CHECK ("security_findings"."cvss_score" is null or "security_findings"."cvss_score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "security_test_settings" (
	"org_id" uuid NOT NULL,
	"p1_days" integer NOT NULL,
	"p2_days" integer NOT NULL,
	"p3_days" integer NOT NULL,
	"p4_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_test_settings_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "security_test_settings_days" CHECK (least("security_test_settings"."p1_days", "security_test_settings"."p2_days", "security_test_settings"."p3_days", "security_test_settings"."p4_days") >= 1 and greatest("security_test_settings"."p1_days", "security_test_settings"."p2_days", "security_test_settings"."p3_days", "security_test_settings"."p4_days") <= 730)
);
--> statement-breakpoint
CREATE TABLE "risk_findings" (
	"org_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_findings_org_id_risk_id_finding_id_pk" PRIMARY KEY("org_id","risk_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "risk_vendors" (
	"org_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_vendors_org_id_risk_id_vendor_id_pk" PRIMARY KEY("org_id","risk_id","vendor_id")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_id" uuid NOT NULL,
	"inherent_likelihood" smallint NOT NULL,
	"inherent_impact" smallint NOT NULL,
	"residual_likelihood" smallint NOT NULL,
	"residual_impact" smallint NOT NULL,
	"residual_score" integer NOT NULL,
	"treatment" text NOT NULL,
	"review_on" date NOT NULL,
	"acceptance_requested_by" uuid,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"acceptance_expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risks_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "risks_grid" CHECK ("risks"."inherent_likelihood" between 1 and 5 and "risks"."inherent_impact" between 1 and 5 and "risks"."residual_likelihood" between 1 and 5 and "risks"."residual_impact" between 1 and 5),
	CONSTRAINT "risks_treatment" CHECK ("risks"."treatment" in ('mitigate', 'accept', 'transfer', 'avoid')),
	CONSTRAINT "risks_acceptance" CHECK (("risks"."accepted_by" is null) = ("risks"."acceptance_expires_on" is null) and ("risks"."accepted_by" is null or "risks"."treatment" = 'accept'))
);
--> statement-breakpoint
ALTER TABLE "security_assessment_reports" ADD CONSTRAINT "security_assessment_reports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_assessment_reports" ADD CONSTRAINT "security_assessment_reports_org_id_assessment_id_security_assessments_org_id_id_fk" FOREIGN KEY ("org_id","assessment_id") REFERENCES "public"."security_assessments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_assessments" ADD CONSTRAINT "security_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_assessments" ADD CONSTRAINT "security_assessments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_assessments" ADD CONSTRAINT "security_assessments_org_id_tester_vendor_id_vendors_org_id_id_fk" FOREIGN KEY ("org_id","tester_vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_findings" ADD CONSTRAINT "security_findings_org_id_assessment_id_security_assessments_org_id_id_fk" FOREIGN KEY ("org_id","assessment_id") REFERENCES "public"."security_assessments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_findings" ADD CONSTRAINT "security_findings_org_id_owner_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_test_settings" ADD CONSTRAINT "security_test_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_findings" ADD CONSTRAINT "risk_findings_org_id_risk_id_risks_org_id_id_fk" FOREIGN KEY ("org_id","risk_id") REFERENCES "public"."risks"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_findings" ADD CONSTRAINT "risk_findings_org_id_finding_id_security_findings_org_id_id_fk" FOREIGN KEY ("org_id","finding_id") REFERENCES "public"."security_findings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_vendors" ADD CONSTRAINT "risk_vendors_org_id_risk_id_risks_org_id_id_fk" FOREIGN KEY ("org_id","risk_id") REFERENCES "public"."risks"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_vendors" ADD CONSTRAINT "risk_vendors_org_id_vendor_id_vendors_org_id_id_fk" FOREIGN KEY ("org_id","vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_acceptance_requested_by_users_id_fk" FOREIGN KEY ("acceptance_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_org_id_owner_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "security_assessments_started_idx" ON "security_assessments" USING btree ("org_id","started_on","id");--> statement-breakpoint
CREATE INDEX "security_assessments_vendor_idx" ON "security_assessments" USING btree ("org_id","tester_vendor_id");--> statement-breakpoint
CREATE INDEX "security_findings_assessment_idx" ON "security_findings" USING btree ("org_id","assessment_id","id");--> statement-breakpoint
CREATE INDEX "security_findings_due_idx" ON "security_findings" USING btree ("org_id","due_on","id");--> statement-breakpoint
CREATE INDEX "security_findings_owner_idx" ON "security_findings" USING btree ("org_id","owner_id","due_on");--> statement-breakpoint
CREATE INDEX "risk_findings_finding_idx" ON "risk_findings" USING btree ("org_id","finding_id");--> statement-breakpoint
CREATE INDEX "risk_vendors_vendor_idx" ON "risk_vendors" USING btree ("org_id","vendor_id");--> statement-breakpoint
CREATE INDEX "risks_score_idx" ON "risks" USING btree ("org_id","residual_score","id");--> statement-breakpoint
CREATE INDEX "risks_owner_idx" ON "risks" USING btree ("org_id","owner_id");