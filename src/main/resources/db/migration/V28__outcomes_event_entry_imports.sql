-- Outcome events entered by staff can be retracted, and imports of outcome events and of
-- historical cohorts are kept with their reports (ADR 0025).

-- A retracted event leaves outcomes_event, so that every measure reads only standing events without
-- knowing about retraction, and is kept here with who retracted it, when and why.
CREATE TABLE outcomes_event_retracted (
    id                UUID PRIMARY KEY,
    person_id         UUID                     NOT NULL REFERENCES outcomes_person (id) ON DELETE CASCADE,
    agency_id         UUID                     NOT NULL,
    kind              VARCHAR(30)              NOT NULL,
    occurred_on       DATE                     NOT NULL,
    offense_category  VARCHAR(30),
    housing_status    VARCHAR(20),
    detail            VARCHAR(500),
    source            VARCHAR(10)              NOT NULL,
    source_ref        VARCHAR(100),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by       VARCHAR(60)              NOT NULL,
    retracted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retracted_by      VARCHAR(60)              NOT NULL,
    retraction_reason VARCHAR(500)             NOT NULL
);
CREATE INDEX outcomes_event_retracted_person_idx ON outcomes_event_retracted (person_id, occurred_on);
COMMENT ON TABLE outcomes_event_retracted IS 'Outcome events entered by staff and later retracted (entered in error): the event as it stood, and who retracted it, when and why. Measures never read it.';
COMMENT ON COLUMN outcomes_event_retracted.retracted_by IS 'The actor reference (user:<uuid> or token:<uuid>) of who retracted the event.';

-- One row per import: the outcome-event imports (run at once) and the historical cohort imports
-- (run as background jobs of the database-backed scheduler, with their progress).
CREATE TABLE outcomes_import (
    id                 UUID PRIMARY KEY,
    agency_id          UUID                     NOT NULL,
    kind               VARCHAR(10)              NOT NULL,
    status             VARCHAR(12)              NOT NULL,
    file_name          VARCHAR(200)             NOT NULL,
    payload            BYTEA,
    payload_size       BIGINT                   NOT NULL DEFAULT 0,
    total_rows         INTEGER                  NOT NULL DEFAULT 0,
    rows_done          INTEGER                  NOT NULL DEFAULT 0,
    report             JSONB,
    requested_by       VARCHAR(60)              NOT NULL,
    requested_by_user  UUID,
    requested_by_token UUID,
    attempts           INTEGER                  NOT NULL DEFAULT 0,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT outcomes_import_kind_check CHECK (kind IN ('EVENTS', 'COHORT')),
    CONSTRAINT outcomes_import_status_check CHECK (status IN ('QUEUED', 'VALIDATING', 'WRITING', 'SUCCEEDED', 'REJECTED', 'FAILED'))
);
CREATE INDEX outcomes_import_agency_idx ON outcomes_import (agency_id, created_at DESC);
COMMENT ON TABLE outcomes_import IS 'Imports of outcome events (court, police, employment data) and of historical cohorts, with their result reports; a cohort import is a background job.';
COMMENT ON COLUMN outcomes_import.payload IS 'The uploaded ZIP of a cohort import while its job has not finished; dropped when it finishes.';
COMMENT ON COLUMN outcomes_import.rows_done IS 'Rows checked (VALIDATING) or written (WRITING) so far, for the progress bar.';
COMMENT ON COLUMN outcomes_import.report IS 'The result: counts added, changed, unchanged per file, or every error by file, row and column.';
