-- Rate-limit windows are counters that mean nothing after a minute or a day: unlogged, a hit
-- writes no WAL and its commit waits for no disk flush (the API's consent check counts one per
-- call). A crash empties them, which only forgives the hits of that window.
ALTER TABLE "rate_limit_buckets" SET UNLOGGED;
--> statement-breakpoint
-- A batch's receipts are written before its row (lib/consent/record.ts: the row names the audit
-- event that carries its root, written after the receipts so the chain lock is held briefly);
-- the reference is checked at commit.
ALTER TABLE "consent_events" ALTER CONSTRAINT "consent_events_org_id_batch_id_consent_batches_org_id_id_fk" DEFERRABLE INITIALLY DEFERRED;
