-- The rollup watermark becomes an instant. A day watermark meant "counted up to that day's start
-- in China time", so existing rows keep exactly the receipts they had counted.
ALTER TABLE "consent_rollup_state" RENAME COLUMN "pending_from" TO "counted_until";--> statement-breakpoint
ALTER TABLE "consent_rollup_state" ALTER COLUMN "counted_until" SET DATA TYPE timestamp with time zone USING ("counted_until"::timestamp AT TIME ZONE 'Asia/Shanghai');
