-- Care: providers upload drug and alcohol test results in bulk too, as a second kind of upload job
-- (ADR 0023). A test is known by the laboratory's specimen id at the provider; a posted test takes
-- no change from a file but the progress of its laboratory confirmation, and what that replaced is
-- kept.

ALTER TABLE care_upload_job DROP CONSTRAINT care_upload_job_kind_known;
ALTER TABLE care_upload_job ADD CONSTRAINT care_upload_job_kind_known
    CHECK (kind IN ('ATTENDANCE', 'DRUG_TESTS'));

COMMENT ON COLUMN care_upload_job.kind IS
    'What the file holds: ATTENDANCE (appointments and their attendance) or DRUG_TESTS (drug and alcohol test results). The report''s counts are of appointments or of tests.';
COMMENT ON COLUMN care_upload_job.report IS
    'The result: counts of appointments (or tests) created, updated and unchanged, or every error counted and the first of them by row and column.';

-- An uploaded row names its test by specimen id: the match of a million rows needs the index.
CREATE INDEX care_drug_test_specimen_idx ON care_drug_test (provider_id, specimen_id)
    WHERE specimen_id IS NOT NULL;

COMMENT ON COLUMN care_drug_test.specimen_id IS
    'The laboratory''s specimen id; required unless the person refused or missed the test. A bulk upload knows a test by it at the provider (ADR 0023).';

-- What an upload changed on a test that was posted before: its confirmation (and its external id,
-- when the test had none), as they were, one row per change.
CREATE TABLE care_drug_test_revision (
    drug_test_id   UUID                     NOT NULL REFERENCES care_drug_test (id) ON DELETE CASCADE,
    upload_job_id  UUID                     NOT NULL REFERENCES care_upload_job (id),
    confirmation   VARCHAR(20)              NOT NULL,
    external_id    VARCHAR(100),
    replaced_by    VARCHAR(60)              NOT NULL,
    replaced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (drug_test_id, upload_job_id)
);

COMMENT ON TABLE care_drug_test_revision IS
    'A drug test as it was before a bulk upload moved its confirmation on (NOT_SENT, PENDING, then CONFIRMED or NOT_CONFIRMED) or gave it an external id: the only changes a posted test takes (ADR 0023).';
COMMENT ON COLUMN care_drug_test_revision.upload_job_id IS 'The upload that changed the test; an upload changes a test at most once (a file names it once).';
COMMENT ON COLUMN care_drug_test_revision.confirmation IS 'The confirmation before the change.';
COMMENT ON COLUMN care_drug_test_revision.external_id IS 'The provider''s id of the test before the change; null if it had none.';
COMMENT ON COLUMN care_drug_test_revision.replaced_by IS 'Actor reference of who uploaded the change.';
