-- Applied after every migration run, as the owner. Idempotent. It derives tenant isolation from
-- the catalog, so a new table with an org_id column can never ship without forced RLS.

DO $$ BEGIN
  CREATE ROLE privacy_desk_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO privacy_desk_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO privacy_desk_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO privacy_desk_app;

-- The audit trail is append-only for the application; a trigger refuses changes by anyone.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints FROM privacy_desk_app;

CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE OR REPLACE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE OR REPLACE TRIGGER audit_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE OR REPLACE TRIGGER audit_checkpoints_no_truncate
  BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Consent receipts are evidence: append-only in the same way.
REVOKE UPDATE, DELETE, TRUNCATE ON consent_events, consent_batches FROM privacy_desk_app;
CREATE OR REPLACE TRIGGER consent_events_append_only
  BEFORE UPDATE OR DELETE ON consent_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE OR REPLACE TRIGGER consent_events_no_truncate
  BEFORE TRUNCATE ON consent_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE OR REPLACE TRIGGER consent_batches_append_only
  BEFORE UPDATE OR DELETE ON consent_batches FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE OR REPLACE TRIGGER consent_batches_no_truncate
  BEFORE TRUNCATE ON consent_batches FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
-- The dashboard's day counts only grow: the rollup adds to them and never removes one.
REVOKE DELETE, TRUNCATE ON consent_daily_counts FROM privacy_desk_app;

DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (org_id = NULLIF(current_setting(''app.org_id'', true), '''')::uuid) '
      'WITH CHECK (org_id = NULLIF(current_setting(''app.org_id'', true), '''')::uuid)', t.relname);
  END LOOP;
END $$;

-- A signed-in user may list their own memberships before an organisation is chosen.
DROP POLICY IF EXISTS memberships_self ON memberships;
CREATE POLICY memberships_self ON memberships FOR SELECT
  USING (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);

-- How many other organisations a person is active in. RLS hides those memberships from the app
-- role, but changes to a global account (resetting its second factor) must not be made by one
-- organisation's admin when the account also belongs to others. Returns a count, nothing else.
CREATE OR REPLACE FUNCTION other_active_memberships(target uuid, current_org uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*)::int FROM memberships
  WHERE user_id = target AND org_id <> current_org AND deactivated_at IS NULL
$$;
REVOKE ALL ON FUNCTION other_active_memberships(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION other_active_memberships(uuid, uuid) TO privacy_desk_app;

-- One hit in a fixed window shared by every server (lib/core/rate-limit.ts); the window's count
-- after it. The window's row stays locked until the transaction ends.
CREATE OR REPLACE FUNCTION rate_limit_hit(hit_key text, window_seconds integer) RETURNS integer
  LANGUAGE sql VOLATILE SET search_path = public, pg_temp AS $$
  INSERT INTO rate_limit_buckets (key, window_start, count)
  VALUES (hit_key, to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds), 1)
  ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
  RETURNING count
$$;
REVOKE ALL ON FUNCTION rate_limit_hit(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rate_limit_hit(text, integer) TO privacy_desk_app;

-- An /api/v1 call's key, checked in one statement before any organisation is known
-- (lib/api/authenticate.ts): the key's row by its public prefix; the SHA-256 of the presented
-- secret against the stored one (comparing hashes leaks nothing of use through timing: nobody
-- can choose a secret whose hash starts a certain way); not revoked; the scope. A key that passes
-- counts a hit in its per-minute window (`bucket` names an endpoint's own budget) and has its last
-- use stamped, at most once a minute; a refused one counts nothing. Returns one row: `ok`,
-- `invalid` (unknown, wrong secret or revoked: told apart to nobody), `forbidden` or `limited`,
-- with the key's organisation, id and scopes when it was found valid. The statement's commit does
-- not wait for the disk: a lost count or stamp after a crash harms nothing. Run on the pool, not
-- in a request's transaction, so the window's row is locked only while PostgreSQL runs the
-- statement, never across a round trip, and a key's concurrent calls do not queue on it.
CREATE OR REPLACE FUNCTION api_call(key_prefix text, presented_hash text, needed_scope text, bucket text, per_minute integer)
  RETURNS TABLE (call_outcome text, call_org_id uuid, call_key_id uuid, call_scopes text[])
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k api_keys%ROWTYPE;
BEGIN
  SELECT * INTO k FROM api_keys WHERE prefix = key_prefix;
  IF NOT FOUND OR k.secret_hash IS DISTINCT FROM presented_hash OR k.revoked_at IS NOT NULL THEN
    RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::text[];
    RETURN;
  END IF;
  IF NOT needed_scope = ANY (k.scopes) THEN
    RETURN QUERY SELECT 'forbidden'::text, k.org_id, k.id, k.scopes;
    RETURN;
  END IF;
  PERFORM set_config('synchronous_commit', 'off', true);
  UPDATE api_keys SET last_used_at = now()
  WHERE org_id = k.org_id AND id = k.id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
  RETURN QUERY SELECT
    CASE WHEN rate_limit_hit('api-key:' || k.id || coalesce(':' || bucket, ''), 60) <= per_minute THEN 'ok' ELSE 'limited' END,
    k.org_id, k.id, k.scopes;
END
$$;
REVOKE ALL ON FUNCTION api_call(text, text, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_call(text, text, text, text, integer) TO privacy_desk_app;
DROP FUNCTION IF EXISTS api_key_by_prefix(text);
DROP FUNCTION IF EXISTS touch_api_key(uuid, uuid);

-- The consent check (lib/consent/check.ts) as one statement that needs no transaction around it:
-- it enters the organisation for its own duration only (the SET clause puts app.org_id back on
-- return, so a caller's transaction keeps its own), then reads as its caller, under RLS. The
-- customer by the platform's reference (erased ones are unknown), the purpose by code (archived
-- ones are unknown), and the state row, each through its unique index; the organisation's laws
-- by its key. It returns what the decision needs and decides nothing: lib/consent/decide.ts does,
-- for the check and for every other reader alike. (Its columns changed with the per-law bases:
-- the old function, whose result type differs, is dropped first; again with the standing opt-out, the minors' ages and the standing limitation.)
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'consent_check_row' AND NOT ('sensitive_limited' = ANY (proargnames))) THEN
    DROP FUNCTION consent_check_row(uuid, text, text);
  END IF;
END $$;
CREATE OR REPLACE FUNCTION consent_check_row(check_org uuid, customer_ref text, purpose_code text)
  RETURNS TABLE (customer_id uuid, customer_laws text[], customer_region text, minor_born_on text, org_laws text[],
    gdpr_time_zone text, gdpr_child_age smallint,
    bases jsonb, consent_kind text, status text, gpc boolean, by_guardian boolean, reconsent_required boolean,
    sale_opted_out boolean, sensitive_limited boolean, data_categories text[])
  LANGUAGE plpgsql VOLATILE SET app.org_id = '' SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('app.org_id', check_org::text, true);
  RETURN QUERY
    SELECT c.id, c.laws, c.region, c.minor_born_on::text, o.jurisdictions, o.gdpr_time_zone, o.gdpr_child_age, p.bases, p.consent_kind, s.status, s.gpc, s.by_guardian,
      coalesce(s.status = 'granted' AND s.occurred_at < p.reconsent_since, false),
      -- A completed CCPA opt-out of sale and sharing stands unless the customer opted in again after it.
      c.sale_opt_out_at IS NOT NULL AND NOT coalesce(s.status = 'granted' AND s.occurred_at > c.sale_opt_out_at, false),
      -- So does a completed limitation of sensitive information (which purposes it reaches: decide.ts).
      c.sensitive_limit_at IS NOT NULL AND NOT coalesce(s.status = 'granted' AND s.occurred_at > c.sensitive_limit_at, false),
      p.data_categories
    FROM (SELECT 1) one
    LEFT JOIN organizations o ON o.id = check_org
    LEFT JOIN customers c ON c.org_id = check_org AND c.external_ref = customer_ref AND c.status <> 'erased'
    LEFT JOIN purposes p ON p.org_id = check_org AND p.code = purpose_code AND p.archived_at IS NULL
    LEFT JOIN consent_state s ON s.org_id = check_org AND s.customer_id = c.id AND s.purpose_id = p.id;
END
$$;
REVOKE ALL ON FUNCTION consent_check_row(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION consent_check_row(uuid, text, text) TO privacy_desk_app;

-- Readiness (/api/ready) compares the applied migrations with the build's: the app role reads
-- drizzle's record of them, nothing else in that schema.
GRANT USAGE ON SCHEMA drizzle TO privacy_desk_app;
GRANT SELECT ON drizzle.__drizzle_migrations TO privacy_desk_app;

-- Metrics (/api/metrics, lib/core/metrics/db-gauges.ts): counts across organisations, one cheap
-- statement each, for a scrape that has no organisation. Each returns numbers and code words
-- only, never a row, so the app role learns how many, never which or whose.
CREATE OR REPLACE FUNCTION metrics_open_requests(today date) RETURNS TABLE (sla text, n bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  -- The queue's SLA states (lib/requests/queue.ts slaCondition), except that on_track and
  -- due_soon are one: their boundary is each organisation's working calendar.
  SELECT CASE
      WHEN due_on < today THEN 'overdue'
      WHEN status = 'awaiting_requester' THEN 'paused'
      WHEN due_on IS NULL THEN 'not_started'
      ELSE 'in_time'
    END, count(*)
  FROM data_subject_requests WHERE status NOT IN ('completed', 'rejected')
  GROUP BY 1
$$;
REVOKE ALL ON FUNCTION metrics_open_requests(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION metrics_open_requests(date) TO privacy_desk_app;

-- Organisations with an audit event from before `uncovered_since` that no signed checkpoint
-- covers (lib/core/audit/chain-health.ts): the event right after a checkpoint is that checkpoint's own.
CREATE OR REPLACE FUNCTION metrics_overdue_checkpoints(uncovered_since timestamptz) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*) FROM organizations o
  CROSS JOIN LATERAL (SELECT max(c.seq) AS seq FROM audit_checkpoints c WHERE c.org_id = o.id) last
  WHERE EXISTS (
    SELECT 1 FROM audit_events e
    WHERE e.org_id = o.id AND e.seq >= coalesce(last.seq + 1, 0)
      AND NOT (e.seq = last.seq + 1 AND e.action = 'audit.checkpoint_created')
      AND e.occurred_at < uncovered_since)
$$;
REVOKE ALL ON FUNCTION metrics_overdue_checkpoints(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION metrics_overdue_checkpoints(timestamptz) TO privacy_desk_app;

-- pg-boss's queues (its schema appears when the worker first starts): jobs waiting or running per
-- queue and state, and how long the oldest job due to start has waited.
CREATE OR REPLACE FUNCTION metrics_job_queues() RETURNS TABLE (queue text, state text, n bigint, oldest_seconds double precision)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF to_regclass('pgboss.job') IS NULL THEN RETURN; END IF;
  RETURN QUERY EXECUTE $q$
    SELECT name, state::text, count(*),
      coalesce(extract(epoch FROM now() - min(start_after) FILTER (WHERE state < 'active' AND start_after <= now())), 0)::double precision
    FROM pgboss.job WHERE state <= 'active' GROUP BY name, state $q$;
END
$$;
REVOKE ALL ON FUNCTION metrics_job_queues() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION metrics_job_queues() TO privacy_desk_app;
