-- Audit: the append-only, tamper-evident trail of who did what to which record, from where, with
-- what outcome. Rows are only ever inserted: triggers refuse UPDATE, DELETE and TRUNCATE for every
-- role, and each row carries the SHA-256 of its predecessor's hash plus its own fields, so that a
-- change made around the triggers (by a superuser who disables them) is found by verification.

CREATE TABLE audit_entry (
    seq             BIGSERIAL PRIMARY KEY,
    id              UUID                     NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_ref       TEXT                     NOT NULL,
    actor_user_id   UUID,
    organization_id UUID,
    action          TEXT                     NOT NULL,
    outcome         VARCHAR(10)              NOT NULL,
    record_type     TEXT,
    record_id       UUID,
    person_id       UUID,
    purpose         TEXT,
    source_address  TEXT,
    session_ref     TEXT,
    details         JSONB                    NOT NULL DEFAULT '{}'::jsonb,
    previous_hash   TEXT                     NOT NULL,
    hash            TEXT                     NOT NULL,
    CONSTRAINT audit_entry_id_uq UNIQUE (id),
    CONSTRAINT audit_entry_outcome_check CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    CONSTRAINT audit_entry_session_ref_check CHECK (session_ref ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_entry_previous_hash_check CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_entry_hash_check CHECK (hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_entry_details_check CHECK (jsonb_typeof(details) = 'object')
);

-- Two entries naming the same predecessor would be a fork in the chain. The application
-- serializes appends with an advisory lock; this index makes a fork impossible even if that lock
-- were bypassed (for example by a caller running at REPEATABLE READ with a stale snapshot).
CREATE UNIQUE INDEX audit_entry_previous_hash_uq ON audit_entry (previous_hash);

-- Administrators search by person, acting user, organization, action prefix and time, newest
-- first.
CREATE INDEX audit_entry_person_idx ON audit_entry (person_id, occurred_at DESC)
    WHERE person_id IS NOT NULL;
CREATE INDEX audit_entry_actor_user_idx ON audit_entry (actor_user_id, occurred_at DESC)
    WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_entry_organization_idx ON audit_entry (organization_id, occurred_at DESC);
CREATE INDEX audit_entry_action_idx ON audit_entry (action text_pattern_ops, occurred_at DESC);
CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at DESC, seq DESC);

-- SQLSTATE class 23, so that the application sees a data integrity violation rather than a
-- grammar or permission error.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'Audit entries can only be inserted.';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

-- TRUNCATE fires no row triggers, so it needs a statement trigger of its own.
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;

COMMENT ON TABLE audit_entry IS 'The audit trail: one row per audited action, success or failure. Append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained in seq order. Holds ids and codes only, never protected content. Kept for at least one year.';
COMMENT ON COLUMN audit_entry.seq IS 'Position in the hash chain. Gaps are normal (rolled-back transactions); a missing entry shows as a broken previous_hash link, not as a gap.';
COMMENT ON COLUMN audit_entry.id IS 'Random id of the entry, included in its hash.';
COMMENT ON COLUMN audit_entry.occurred_at IS 'When the action happened, from the application clock, to the microsecond.';
COMMENT ON COLUMN audit_entry.actor_ref IS 'Who acted: user:<uuid>, token:<uuid> (an API token), system (a job or command) or anonymous (no authenticated party, such as a failed sign-in).';
COMMENT ON COLUMN audit_entry.actor_user_id IS 'The acting staff user, when a user acted; null for tokens, the system and anonymous requests.';
COMMENT ON COLUMN audit_entry.organization_id IS 'The organization the actor acted for; organization administrators see only entries with their own organization.';
COMMENT ON COLUMN audit_entry.action IS 'Dotted action code, module first, such as identity.sign-in or audit.search.';
COMMENT ON COLUMN audit_entry.outcome IS 'SUCCESS, FAILURE, or DENIED (refused by an authorization or consent rule).';
COMMENT ON COLUMN audit_entry.record_type IS 'Kind of record acted on, such as user or referral; null if none.';
COMMENT ON COLUMN audit_entry.record_id IS 'The record acted on; null if none.';
COMMENT ON COLUMN audit_entry.person_id IS 'The person on supervision whose record this is, so that every access to a person can be listed.';
COMMENT ON COLUMN audit_entry.purpose IS 'Purpose of use given by the user, where one was asked for.';
COMMENT ON COLUMN audit_entry.source_address IS 'Remote address of the HTTP request as the server saw it (the proxy, unless forwarded headers are trusted); null outside a request. Text, not inet, so that the value hashed is the value stored.';
COMMENT ON COLUMN audit_entry.session_ref IS 'SHA-256 (hex) of the HTTP session id, to correlate the actions of one session without storing the session id itself, which is a credential; null when the request had no session.';
COMMENT ON COLUMN audit_entry.details IS 'Further codes as a flat JSON object of strings (never protected content), such as a reason code or the filters of an audit search.';
COMMENT ON COLUMN audit_entry.previous_hash IS 'The hash of the entry before this one in seq order; 64 zeros for the first entry.';
COMMENT ON COLUMN audit_entry.hash IS 'SHA-256 (hex) of previous_hash followed by the canonical form of this entry (see AuditEntryHash in the audit module); recomputed by chain verification.';
COMMENT ON FUNCTION audit_entry_refuse_change() IS 'Raises an error for any UPDATE, DELETE or TRUNCATE of audit_entry.';
