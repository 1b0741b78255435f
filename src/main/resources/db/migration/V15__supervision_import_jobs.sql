-- Supervision: the CSV import of people and cases runs as a background job of the database-backed
-- scheduler (task supervision-import), with its progress and report kept here (ADR 0012).

CREATE TABLE supervision_import_job (
    id                 UUID        PRIMARY KEY,
    organization_id    UUID        NOT NULL REFERENCES identity_organization (id),
    status             TEXT        NOT NULL,
    file_name          TEXT        NOT NULL,
    payload            BYTEA,
    payload_size       BIGINT      NOT NULL,
    requested_by       TEXT        NOT NULL,
    requested_by_user  UUID,
    requested_by_token UUID,
    row_count          INTEGER     NOT NULL,
    rows_validated     INTEGER     NOT NULL DEFAULT 0,
    rows_written       INTEGER     NOT NULL DEFAULT 0,
    error_count        INTEGER     NOT NULL DEFAULT 0,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    report             JSONB,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT supervision_import_job_status_known CHECK (status IN (
        'QUEUED', 'VALIDATING', 'WRITING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    CONSTRAINT supervision_import_job_counts_nonnegative CHECK (
        row_count >= 0 AND rows_validated >= 0 AND rows_written >= 0 AND error_count >= 0
        AND attempts >= 0 AND payload_size >= 0),
    CONSTRAINT supervision_import_job_requested_by_one CHECK (
        requested_by_user IS NULL OR requested_by_token IS NULL),
    CONSTRAINT supervision_import_job_report_is_object CHECK (
        report IS NULL OR jsonb_typeof(report) = 'object')
);

CREATE INDEX supervision_import_job_organization_idx
    ON supervision_import_job (organization_id, created_at DESC);

COMMENT ON TABLE supervision_import_job IS
    'One CSV import of people and cases (the legacy case-management export) of a supervising agency, run by the db-scheduler task supervision-import: its progress and, once finished, its report. Progress is committed apart from the import''s own transaction, which writes everything or nothing.';
COMMENT ON COLUMN supervision_import_job.organization_id IS 'The supervising agency the file is imported into; only its administrators see the job.';
COMMENT ON COLUMN supervision_import_job.status IS
    'QUEUED (waiting for the scheduler), VALIDATING (checking every row; nothing written), WRITING (one transaction), then SUCCEEDED, REJECTED (errors: nothing written, see report) or FAILED (an unexpected error or too many interrupted attempts: nothing written).';
COMMENT ON COLUMN supervision_import_job.payload IS
    'The uploaded file, kept until the job finishes so that a restart can run it again, then cleared.';
COMMENT ON COLUMN supervision_import_job.requested_by IS 'Actor reference of the uploader (user:<id> or token:<id>), as the audit trail names it.';
COMMENT ON COLUMN supervision_import_job.row_count IS 'Data rows of the file (the header not counted), counted when it was uploaded.';
COMMENT ON COLUMN supervision_import_job.rows_validated IS 'Progress of the check: rows checked so far.';
COMMENT ON COLUMN supervision_import_job.rows_written IS 'Progress of the write: rows written so far (in the import''s transaction, not committed before it ends).';
COMMENT ON COLUMN supervision_import_job.attempts IS 'How many times the job was started: more than one after a restart interrupted it; past the limit the job fails.';
COMMENT ON COLUMN supervision_import_job.report IS
    'The result: counts of people created, updated and unchanged and of cases opened and already there, or every error counted and the first of them by row and column.';
