ALTER TABLE "vendors" ADD COLUMN "handler_role" text DEFAULT 'independent_handler' NOT NULL;--> statement-breakpoint
ALTER TABLE "purposes" ADD COLUMN "transfer_mechanism" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_handler_role" CHECK ("vendors"."handler_role" in ('entrusted_processor', 'independent_handler', 'joint_handler'));--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_transfer_mechanism" CHECK ("purposes"."transfer_mechanism" in ('standard_contract', 'certification', 'security_assessment', 'exemption'));