CREATE TABLE "key_rotations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"to_version" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "key_rotations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "key_rotations_status" CHECK ("key_rotations"."status" in ('running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_ref" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"city" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_tx" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	CONSTRAINT "merchants_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_accounts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_ref" text NOT NULL,
	"type" text NOT NULL,
	"identifier_masked" text NOT NULL,
	"identifier_enc" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_accounts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "payment_accounts_type" CHECK ("payment_accounts"."type" in ('bank_card', 'alipay', 'wechat_pay'))
);
--> statement-breakpoint
CREATE TABLE "transfer_listings" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_ref" text NOT NULL,
	"voucher_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"asking_price_cents" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_tx" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	CONSTRAINT "transfer_listings_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "transfer_listings_status" CHECK ("transfer_listings"."status" in ('open', 'sold', 'withdrawn', 'expired')),
	CONSTRAINT "transfer_listings_price" CHECK ("transfer_listings"."asking_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "transfer_orders" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_ref" text NOT NULL,
	"listing_id" uuid,
	"voucher_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"price_cents" integer NOT NULL,
	"status" text DEFAULT 'pending_payment' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"redeemed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_tx" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	CONSTRAINT "transfer_orders_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "transfer_orders_status" CHECK ("transfer_orders"."status" in ('pending_payment', 'paid', 'redeemed', 'cancelled', 'refunded')),
	CONSTRAINT "transfer_orders_price" CHECK ("transfer_orders"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_ref" text NOT NULL,
	"merchant_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"face_value_cents" integer NOT NULL,
	"price_paid_cents" integer NOT NULL,
	"purchased_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"redemption_code_enc" "bytea",
	"redemption_code_key_version" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_tx" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	CONSTRAINT "vouchers_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "vouchers_status" CHECK ("vouchers"."status" in ('active', 'listed', 'transferred', 'redeemed', 'expired', 'refunded')),
	CONSTRAINT "vouchers_amounts" CHECK ("vouchers"."face_value_cents" >= 0 and "vouchers"."price_paid_cents" >= 0),
	CONSTRAINT "vouchers_code_versioned" CHECK (("vouchers"."redemption_code_enc" is null) = ("vouchers"."redemption_code_key_version" is null))
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"mapping" jsonb NOT NULL,
	"file_enc" "bytea",
	"file_key_version" integer,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "customer_imports_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "customer_imports_status" CHECK ("customer_imports"."status" in ('uploaded', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" uuid NOT NULL,
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_api_key_id_key_pk" PRIMARY KEY("org_id","api_key_id","key")
);
--> statement-breakpoint
ALTER TABLE "org_keys" ALTER COLUMN "wrapped_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "org_keys" ADD COLUMN "wrapped_by" text DEFAULT 'env:legacy' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_keys" ADD COLUMN "destroyed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_enc" "bytea";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "birth_date_enc" "bytea";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_masked" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "birth_date_masked" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "change_tx" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "key_rotations" ADD CONSTRAINT "key_rotations_org_id_to_version_org_keys_org_id_version_fk" FOREIGN KEY ("org_id","to_version") REFERENCES "public"."org_keys"("org_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_accounts" ADD CONSTRAINT "payment_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_accounts" ADD CONSTRAINT "payment_accounts_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_listings" ADD CONSTRAINT "transfer_listings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_listings" ADD CONSTRAINT "transfer_listings_org_id_voucher_id_vouchers_org_id_id_fk" FOREIGN KEY ("org_id","voucher_id") REFERENCES "public"."vouchers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_listings" ADD CONSTRAINT "transfer_listings_org_id_seller_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","seller_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_orders" ADD CONSTRAINT "transfer_orders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_orders" ADD CONSTRAINT "transfer_orders_org_id_listing_id_transfer_listings_org_id_id_fk" FOREIGN KEY ("org_id","listing_id") REFERENCES "public"."transfer_listings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_orders" ADD CONSTRAINT "transfer_orders_org_id_voucher_id_vouchers_org_id_id_fk" FOREIGN KEY ("org_id","voucher_id") REFERENCES "public"."vouchers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_orders" ADD CONSTRAINT "transfer_orders_org_id_buyer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","buyer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_orders" ADD CONSTRAINT "transfer_orders_org_id_seller_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","seller_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_org_id_merchant_id_merchants_org_id_id_fk" FOREIGN KEY ("org_id","merchant_id") REFERENCES "public"."merchants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_org_id_owner_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_imports" ADD CONSTRAINT "customer_imports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_org_id_api_key_id_api_keys_org_id_id_fk" FOREIGN KEY ("org_id","api_key_id") REFERENCES "public"."api_keys"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "key_rotations_one_running" ON "key_rotations" USING btree ("org_id") WHERE "key_rotations"."status" = 'running';--> statement-breakpoint
CREATE INDEX "key_rotations_started_idx" ON "key_rotations" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_external_ref_key" ON "merchants" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_accounts_external_ref_key" ON "payment_accounts" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE INDEX "payment_accounts_customer_idx" ON "payment_accounts" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_listings_external_ref_key" ON "transfer_listings" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE INDEX "transfer_listings_seller_idx" ON "transfer_listings" USING btree ("org_id","seller_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_orders_external_ref_key" ON "transfer_orders" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE INDEX "transfer_orders_buyer_idx" ON "transfer_orders" USING btree ("org_id","buyer_id","created_at");--> statement-breakpoint
CREATE INDEX "transfer_orders_seller_idx" ON "transfer_orders" USING btree ("org_id","seller_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_external_ref_key" ON "vouchers" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE INDEX "vouchers_owner_idx" ON "vouchers" USING btree ("org_id","owner_id","purchased_at");--> statement-breakpoint
CREATE INDEX "vouchers_code_key_version_idx" ON "vouchers" USING btree ("org_id","redemption_code_key_version");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "api_keys_created_idx" ON "api_keys" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_imports_created_idx" ON "customer_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_imports_key_version_idx" ON "customer_imports" USING btree ("org_id","file_key_version");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "customers_change_idx" ON "customers" USING btree ("org_id","change_tx","id");--> statement-breakpoint
CREATE INDEX "customers_region_idx" ON "customers" USING btree ("org_id","region","created_at","id");--> statement-breakpoint
ALTER TABLE "org_keys" ADD CONSTRAINT "org_keys_destroyed_has_no_key" CHECK (("org_keys"."status" = 'destroyed') = ("org_keys"."wrapped_key" is null));