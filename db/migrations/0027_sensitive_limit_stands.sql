ALTER TABLE "customers" ADD COLUMN "sensitive_limit_at" timestamp with time zone;--> statement-breakpoint
-- Customers whose limitation of sensitive information was completed before the column existed:
-- it stands from the latest completion.
UPDATE "customers" c SET "sensitive_limit_at" = r.closed_at
FROM (
  SELECT org_id, customer_id, max(closed_at) AS closed_at FROM "data_subject_requests"
  WHERE type = 'limit_sensitive' AND status = 'completed' AND customer_id IS NOT NULL AND closed_at IS NOT NULL
  GROUP BY org_id, customer_id
) r
WHERE c.org_id = r.org_id AND c.id = r.customer_id AND c.status <> 'erased';
