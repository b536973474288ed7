CREATE TABLE "training_assignments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rule_id" uuid,
	"reason" text NOT NULL,
	"policy_version_id" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"completed_at" timestamp with time zone,
	"reminded_before_at" timestamp with time zone,
	"reminded_overdue_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	CONSTRAINT "training_assignments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "training_assignments_reason" CHECK ("training_assignments"."reason" in ('rule', 'joiner', 'yearly', 'policy_change'))
);
--> statement-breakpoint
CREATE TABLE "training_attempts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assignment_id" uuid,
	"drawn" jsonb NOT NULL,
	"answers" jsonb,
	"correct_count" integer,
	"score" integer,
	"pass_mark" integer NOT NULL,
	"passed" boolean,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "training_attempts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"code" text NOT NULL,
	"holder_initial" text NOT NULL,
	"score" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_certificates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"pass_mark" integer DEFAULT 80 NOT NULL,
	"questions_per_attempt" integer DEFAULT 5 NOT NULL,
	"policy_document_ids" uuid[] DEFAULT '{}' NOT NULL,
	"policies_linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "training_courses_pass_mark" CHECK ("training_courses"."pass_mark" between 1 and 100),
	CONSTRAINT "training_courses_questions" CHECK ("training_courses"."questions_per_attempt" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "training_lessons" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_lessons_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_policy_triggers" (
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"policy_version_id" uuid NOT NULL,
	"assigned" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_policy_triggers_org_id_course_id_policy_version_id_pk" PRIMARY KEY("org_id","course_id","policy_version_id")
);
--> statement-breakpoint
CREATE TABLE "training_questions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt" jsonb NOT NULL,
	"options" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_questions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "training_questions_kind" CHECK ("training_questions"."kind" in ('single', 'multiple'))
);
--> statement-breakpoint
CREATE TABLE "training_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"role" text,
	"department_id" uuid,
	"joiners_only" boolean DEFAULT false NOT NULL,
	"due_days" integer DEFAULT 30 NOT NULL,
	"recur_yearly" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_rules_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "training_rules_scope" CHECK ("training_rules"."scope" in ('everyone', 'role', 'department')),
	CONSTRAINT "training_rules_target" CHECK (("training_rules"."scope" = 'role') = ("training_rules"."role" is not null) and ("training_rules"."scope" = 'department') = ("training_rules"."department_id" is not null)),
	CONSTRAINT "training_rules_due_days" CHECK ("training_rules"."due_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "training_assignments" ADD CONSTRAINT "training_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_assignments" ADD CONSTRAINT "training_assignments_org_id_course_id_training_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempts" ADD CONSTRAINT "training_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempts" ADD CONSTRAINT "training_attempts_org_id_course_id_training_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempts" ADD CONSTRAINT "training_attempts_org_id_assignment_id_training_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."training_assignments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_org_id_course_id_training_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_org_id_attempt_id_training_attempts_org_id_id_fk" FOREIGN KEY ("org_id","attempt_id") REFERENCES "public"."training_attempts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lessons" ADD CONSTRAINT "training_lessons_org_id_course_id_training_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_policy_triggers" ADD CONSTRAINT "training_policy_triggers_org_id_course_id_training_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questions" ADD CONSTRAINT "training_questions_org_id_course_id_training_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_rules" ADD CONSTRAINT "training_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_rules" ADD CONSTRAINT "training_rules_org_id_course_id_training_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."training_courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_rules" ADD CONSTRAINT "training_rules_org_id_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_assignments_one_open" ON "training_assignments" USING btree ("org_id","course_id","user_id") WHERE completed_at is null;--> statement-breakpoint
CREATE INDEX "training_assignments_person_idx" ON "training_assignments" USING btree ("org_id","user_id","course_id");--> statement-breakpoint
CREATE INDEX "training_assignments_open_due_idx" ON "training_assignments" USING btree ("org_id","due_on") WHERE completed_at is null;--> statement-breakpoint
CREATE INDEX "training_attempts_user_idx" ON "training_attempts" USING btree ("org_id","user_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_code_key" ON "training_certificates" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_attempt_key" ON "training_certificates" USING btree ("org_id","attempt_id");--> statement-breakpoint
CREATE INDEX "training_certificates_user_idx" ON "training_certificates" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_code_key" ON "training_courses" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "training_lessons_course_idx" ON "training_lessons" USING btree ("org_id","course_id","position");--> statement-breakpoint
CREATE INDEX "training_questions_course_idx" ON "training_questions" USING btree ("org_id","course_id","position");--> statement-breakpoint
CREATE INDEX "training_rules_course_idx" ON "training_rules" USING btree ("org_id","course_id");