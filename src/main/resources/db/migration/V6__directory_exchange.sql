-- Directory exchange: HSDS imports run in the background as jobs, so that a large upload survives a
-- restart and its page can show progress and, when it is done, what changed or what is wrong.
-- See ADR 0007.

CREATE TABLE directory_import_job (
    id                 UUID        PRIMARY KEY,
    status             TEXT        NOT NULL,
    file_name          TEXT        NOT NULL,
    content_type       TEXT,
    kind               TEXT,
    payload            BYTEA,
    payload_size       BIGINT      NOT NULL,
    requested_by       TEXT        NOT NULL,
    requested_by_user  UUID,
    requested_by_token UUID,
    requested_by_name  TEXT        NOT NULL,
    organization_id    UUID        NOT NULL,
    phase_done         INTEGER     NOT NULL DEFAULT 0,
    phase_total        INTEGER     NOT NULL DEFAULT 0,
    error_count        INTEGER     NOT NULL DEFAULT 0,
    created_count      INTEGER     NOT NULL DEFAULT 0,
    updated_count      INTEGER     NOT NULL DEFAULT 0,
    unchanged_count    INTEGER     NOT NULL DEFAULT 0,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    report             JSONB,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT directory_import_job_status_known CHECK (status IN (
        'QUEUED', 'VALIDATING', 'WRITING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    CONSTRAINT directory_import_job_counts_nonnegative CHECK (
        phase_done >= 0 AND phase_total >= 0 AND error_count >= 0 AND created_count >= 0
        AND updated_count >= 0 AND unchanged_count >= 0 AND attempts >= 0),
    CONSTRAINT directory_import_job_report_is_object CHECK (report IS NULL OR jsonb_typeof(report) = 'object')
);

COMMENT ON TABLE directory_import_job IS
    'One HSDS import (JSON or CSV datapackage) as uploaded, run by the db-scheduler task directory-import: its progress, and when done its report. Progress is committed apart from the import''s own transaction, which writes everything or nothing.';
COMMENT ON COLUMN directory_import_job.status IS
    'QUEUED (waiting for the scheduler), VALIDATING, WRITING, then SUCCEEDED (written), REJECTED (invalid: nothing written, see report) or FAILED (an unexpected error: nothing written).';
COMMENT ON COLUMN directory_import_job.kind IS
    'What the upload turned out to be: JSON_DOCUMENT, JSON_LIST (an API list page), JSON_ARRAY, CSV_PACKAGE (a ZIP of HSDS CSV files) or CSV_FILE; null until detected.';
COMMENT ON COLUMN directory_import_job.payload IS
    'The uploaded bytes (several CSV files uploaded together are stored as one ZIP). Kept until the job finishes, so that a restart can run it again, then cleared.';
COMMENT ON COLUMN directory_import_job.requested_by IS 'The actor reference of the uploader (user:<id> or token:<id>), as the audit trail names it.';
COMMENT ON COLUMN directory_import_job.requested_by_name IS 'The uploader''s display name: named as updated_by in the HSDS metadata of changed fields.';
COMMENT ON COLUMN directory_import_job.organization_id IS 'The network organization the uploader acted for.';
COMMENT ON COLUMN directory_import_job.phase_done IS 'Progress of the current phase: items validated (or written) so far.';
COMMENT ON COLUMN directory_import_job.phase_total IS 'Items in the current phase; 0 while unknown.';
COMMENT ON COLUMN directory_import_job.attempts IS 'How many times the job was started: more than one after a restart interrupted it.';
COMMENT ON COLUMN directory_import_job.report IS
    'The result: counts per HSDS type (created, updated, unchanged), and errors and warnings by file, row (CSV line or JSON pointer) and field, capped, with their totals.';

CREATE INDEX directory_import_job_created ON directory_import_job (created_at DESC);
