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

-- An /api/v1 request names no organisation: its key's public prefix finds the key's row before
-- any tenant is chosen. Returns that one row (the caller verifies the secret against its hash and
-- then works inside the key's organisation), never a list.
CREATE OR REPLACE FUNCTION api_key_by_prefix(key_prefix text)
  RETURNS TABLE (org_id uuid, id uuid, secret_hash text, scopes text[], revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.org_id, k.id, k.secret_hash, k.scopes, k.revoked_at FROM api_keys k WHERE k.prefix = key_prefix
$$;
REVOKE ALL ON FUNCTION api_key_by_prefix(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_by_prefix(text) TO privacy_desk_app;

-- The consent check (lib/consent/check.ts) as one statement that needs no transaction around it:
-- it enters the organisation for its own duration only (the SET clause puts app.org_id back on
-- return, so a caller's transaction keeps its own), then reads as its caller, under RLS. The
-- customer by the platform's reference (erased ones are unknown), the purpose by code (archived
-- ones are unknown), and the state row, each through its unique index.
CREATE OR REPLACE FUNCTION consent_check_row(check_org uuid, customer_ref text, purpose_code text)
  RETURNS TABLE (customer_id uuid, legal_basis text, consent_kind text, status text, reconsent_required boolean)
  LANGUAGE plpgsql VOLATILE SET app.org_id = '' SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('app.org_id', check_org::text, true);
  RETURN QUERY
    SELECT c.id, p.legal_basis, p.consent_kind, s.status,
      coalesce(s.status = 'granted' AND s.occurred_at < p.reconsent_since, false)
    FROM (SELECT 1) one
    LEFT JOIN customers c ON c.org_id = check_org AND c.external_ref = customer_ref AND c.status <> 'erased'
    LEFT JOIN purposes p ON p.org_id = check_org AND p.code = purpose_code AND p.archived_at IS NULL
    LEFT JOIN consent_state s ON s.org_id = check_org AND s.customer_id = c.id AND s.purpose_id = p.id;
END
$$;
REVOKE ALL ON FUNCTION consent_check_row(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION consent_check_row(uuid, text, text) TO privacy_desk_app;

-- Stamps an API key's last use, at most once a minute. It runs in the statement that counts the
-- call's rate-limit hit, outside any request transaction (no organisation is entered there), so
-- the hit's window row is locked only while PostgreSQL runs that statement — never across a round
-- trip — and a key's concurrent calls do not queue on it. Touches only the key it is given.
CREATE OR REPLACE FUNCTION touch_api_key(key_org uuid, key_id uuid) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE api_keys SET last_used_at = now()
  WHERE org_id = key_org AND id = key_id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
$$;
REVOKE ALL ON FUNCTION touch_api_key(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION touch_api_key(uuid, uuid) TO privacy_desk_app;
