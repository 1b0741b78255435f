-- Care: treatment episodes of people on supervision at treatment providers, and the reports the
-- providers post on them (attendance, progress, drug tests...), stamped with their sensitivity.

CREATE TABLE care_episode (
    id                    UUID PRIMARY KEY,
    person_id             UUID                     NOT NULL REFERENCES supervision_person (id),
    agency_id             UUID                     NOT NULL REFERENCES identity_organization (id),
    provider_id           UUID                     NOT NULL REFERENCES identity_organization (id),
    directory_service_id  UUID,
    person_name           VARCHAR(320)             NOT NULL,
    person_birth_date     DATE                     NOT NULL,
    basis                 VARCHAR(30)              NOT NULL,
    started_on            DATE                     NOT NULL,
    ended_on              DATE,
    end_reason            VARCHAR(40),
    recorded_by           VARCHAR(60)              NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_by              VARCHAR(60),
    ended_at              TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL,
    CONSTRAINT care_episode_basis_check CHECK (basis IN ('COURT_ORDERED', 'SUPERVISION_CONDITION', 'VOLUNTARY')),
    CONSTRAINT care_episode_end_reason_check CHECK (end_reason IS NULL OR end_reason IN ('COMPLETED', 'LEFT_AGAINST_ADVICE', 'NON_ATTENDANCE', 'TRANSFERRED', 'OTHER')),
    CONSTRAINT care_episode_ended_check CHECK ((ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL OR ended_on >= started_on))
);
CREATE INDEX care_episode_person_idx ON care_episode (person_id, started_on DESC);
CREATE INDEX care_episode_provider_idx ON care_episode (provider_id, started_on DESC);

COMMENT ON TABLE care_episode IS 'A person on supervision in treatment at a treatment provider organization, from a start day until the provider ends it.';
COMMENT ON COLUMN care_episode.agency_id IS 'The supervising agency that keeps the person (and recorded the episode).';
COMMENT ON COLUMN care_episode.provider_id IS 'The treatment provider organization (kind TREATMENT_PROVIDER) where the person is in treatment: the discloser of its reports.';
COMMENT ON COLUMN care_episode.directory_service_id IS 'Optionally the directory service (program) of the provider, as the directory names it; not checked against the directory.';
COMMENT ON COLUMN care_episode.person_name IS 'The person''s full name as the agency had it when the episode was recorded: the minimum the provider sees of the person.';
COMMENT ON COLUMN care_episode.person_birth_date IS 'The person''s date of birth as the agency had it when the episode was recorded: the minimum the provider sees of the person.';
COMMENT ON COLUMN care_episode.basis IS 'Why the person is in treatment: ordered by the court, a condition of supervision, or voluntary.';
COMMENT ON COLUMN care_episode.ended_on IS 'The day the provider ended the treatment; null while it goes on. The end of treatment is an expiry event of consent directives.';
COMMENT ON COLUMN care_episode.recorded_by IS 'Actor reference of who recorded the episode.';

CREATE TABLE care_report (
    id                 UUID PRIMARY KEY,
    episode_id         UUID                     NOT NULL REFERENCES care_episode (id),
    person_id          UUID                     NOT NULL REFERENCES supervision_person (id),
    provider_id        UUID                     NOT NULL REFERENCES identity_organization (id),
    category           VARCHAR(30)              NOT NULL,
    reported_on        DATE                     NOT NULL,
    summary            VARCHAR(2000)            NOT NULL,
    drug_test_result   VARCHAR(20),
    substances         VARCHAR(300),
    sensitivity        VARCHAR(20)              NOT NULL,
    reported_by        VARCHAR(60)              NOT NULL,
    reported_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT care_report_category_check CHECK (category IN ('ATTENDANCE', 'PROGRESS', 'DRUG_TEST_RESULTS', 'DIAGNOSIS', 'TREATMENT_PLAN', 'DISCHARGE_SUMMARY')),
    CONSTRAINT care_report_result_check CHECK (drug_test_result IS NULL OR drug_test_result IN ('NEGATIVE', 'POSITIVE', 'DILUTE', 'REFUSED', 'INVALID')),
    CONSTRAINT care_report_drug_test_check CHECK ((category = 'DRUG_TEST_RESULTS') = (drug_test_result IS NOT NULL)),
    CONSTRAINT care_report_sensitivity_check CHECK (sensitivity IN ('ORDINARY', 'HEALTH', 'PART_2'))
);
CREATE INDEX care_report_episode_idx ON care_report (episode_id, reported_on DESC);
CREATE INDEX care_report_person_idx ON care_report (person_id, reported_on DESC);

COMMENT ON TABLE care_report IS 'A report a treatment provider posted on a treatment episode: protected information disclosed only as the consent engine permits.';
COMMENT ON COLUMN care_report.person_id IS 'The episode''s person, repeated so that a person''s reports are read without the episode.';
COMMENT ON COLUMN care_report.provider_id IS 'The episode''s provider, repeated: the discloser the consent engine is asked about.';
COMMENT ON COLUMN care_report.category IS 'The consent category of the information (InformationCategory).';
COMMENT ON COLUMN care_report.drug_test_result IS 'For drug test results only: negative, positive, dilute, refused or invalid.';
COMMENT ON COLUMN care_report.substances IS 'For drug test results: the substance codes tested positive or of concern, comma-separated.';
COMMENT ON COLUMN care_report.sensitivity IS 'The sensitivity of the provider''s information when the report was written (Part 2 for a 42 CFR Part 2 program, else health).';
COMMENT ON COLUMN care_report.reported_by IS 'Actor reference of the provider staff member (or provider system) who posted it.';
