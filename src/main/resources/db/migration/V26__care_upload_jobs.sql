-- Care: the bulk CSV upload of attendance by treatment providers runs as a background job of the
-- database-backed scheduler (task care-upload), all or nothing, with its progress and report kept
-- here (ADR 0023).

CREATE TABLE care_upload_job (
    id                 UUID        PRIMARY KEY,
    organization_id    UUID        NOT NULL REFERENCES identity_organization (id),
    kind               TEXT        NOT NULL,
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
    CONSTRAINT care_upload_job_kind_known CHECK (kind IN ('ATTENDANCE')),
    CONSTRAINT care_upload_job_status_known CHECK (status IN (
        'QUEUED', 'VALIDATING', 'WRITING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    CONSTRAINT care_upload_job_counts_nonnegative CHECK (
        row_count >= 0 AND rows_validated >= 0 AND rows_written >= 0 AND error_count >= 0
        AND attempts >= 0 AND payload_size >= 0),
    CONSTRAINT care_upload_job_requested_by_one CHECK (
        requested_by_user IS NULL OR requested_by_token IS NULL),
    CONSTRAINT care_upload_job_report_is_object CHECK (
        report IS NULL OR jsonb_typeof(report) = 'object')
);

CREATE INDEX care_upload_job_organization_idx ON care_upload_job (organization_id, created_at DESC);

COMMENT ON TABLE care_upload_job IS
    'One bulk CSV upload of a treatment provider (attendance at appointments), run by the db-scheduler task care-upload: its progress and, once finished, its report. Progress is committed apart from the upload''s own transaction, which writes everything or nothing.';
COMMENT ON COLUMN care_upload_job.organization_id IS 'The provider organization that uploaded the file; only its staff see the job, and only its episodes and appointments can be named in it.';
COMMENT ON COLUMN care_upload_job.kind IS 'What the file holds: ATTENDANCE (appointments and their attendance).';
COMMENT ON COLUMN care_upload_job.status IS
    'QUEUED (waiting for the scheduler), VALIDATING (checking every row; nothing written), WRITING (one transaction), then SUCCEEDED, REJECTED (errors: nothing written, see report) or FAILED (an unexpected error or too many interrupted attempts: nothing written).';
COMMENT ON COLUMN care_upload_job.payload IS
    'The uploaded file, kept until the job finishes so that a restart can run it again, then cleared.';
COMMENT ON COLUMN care_upload_job.requested_by IS 'Actor reference of the uploader (user:<id> or token:<id>), as the audit trail names it.';
COMMENT ON COLUMN care_upload_job.row_count IS 'Data rows of the file (the header not counted), counted when it was uploaded.';
COMMENT ON COLUMN care_upload_job.rows_validated IS 'Progress of the check: rows checked so far.';
COMMENT ON COLUMN care_upload_job.rows_written IS 'Progress of the write: rows written so far (in the upload''s transaction, not committed before it ends).';
COMMENT ON COLUMN care_upload_job.attempts IS 'How many times the job was started: more than one after a restart interrupted it; past the limit the job fails.';
COMMENT ON COLUMN care_upload_job.report IS
    'The result: counts of appointments created, updated and unchanged, or every error counted and the first of them by row and column.';

-- What an upload changed on an appointment that was there before: the appointment and its
-- attendance as they were, one row per change, so that a corrected file never loses what was
-- recorded first.
CREATE TABLE care_appointment_revision (
    appointment_id    UUID                     NOT NULL REFERENCES care_appointment (id) ON DELETE CASCADE,
    upload_job_id     UUID                     NOT NULL REFERENCES care_upload_job (id),
    episode_id        UUID                     NOT NULL,
    kind              VARCHAR(20)              NOT NULL,
    mode              VARCHAR(20)              NOT NULL,
    starts_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes  INTEGER                  NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    external_id       VARCHAR(100),
    outcome           VARCHAR(30),
    reason            VARCHAR(500),
    recorded_by       VARCHAR(60),
    recorded_at       TIMESTAMP WITH TIME ZONE,
    replaced_by       VARCHAR(60)              NOT NULL,
    replaced_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (appointment_id, upload_job_id)
);

COMMENT ON TABLE care_appointment_revision IS 'An appointment and its attendance as they were before a bulk upload changed them (ADR 0023): the history of corrections sent in files.';
COMMENT ON COLUMN care_appointment_revision.upload_job_id IS 'The upload that changed the appointment; an upload changes an appointment at most once (a file names it once).';
COMMENT ON COLUMN care_appointment_revision.outcome IS 'The attendance outcome before the change; null if none was recorded.';
COMMENT ON COLUMN care_appointment_revision.recorded_by IS 'Actor reference of who recorded the replaced attendance.';
COMMENT ON COLUMN care_appointment_revision.replaced_by IS 'Actor reference of who uploaded the change.';
