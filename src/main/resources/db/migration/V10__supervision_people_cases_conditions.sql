-- Supervision: people on supervision (kept by their supervising agency), their supervision cases
-- with offenses, officer assignments and closure, the conditions of a case with dated notes, and
-- the officer -> supervisor links that make up an agency's teams (ADR 0009).

CREATE TABLE supervision_person (
    id                          UUID PRIMARY KEY,
    organization_id             UUID                     NOT NULL REFERENCES identity_organization (id),
    given_name                  VARCHAR(100)             NOT NULL,
    middle_name                 VARCHAR(100),
    family_name                 VARCHAR(100)             NOT NULL,
    given_name_key              VARCHAR(100)             NOT NULL,
    family_name_key             VARCHAR(100)             NOT NULL,
    date_of_birth               DATE                     NOT NULL,
    gender                      VARCHAR(20),
    races                       VARCHAR(300),
    ethnicity                   VARCHAR(40),
    preferred_language          VARCHAR(35),
    interpreter_needed          BOOLEAN                  NOT NULL DEFAULT FALSE,
    phone                       VARCHAR(30),
    email                       VARCHAR(254),
    contact_method              VARCHAR(10)              NOT NULL,
    quiet_hours_start           TIME,
    quiet_hours_end             TIME,
    emergency_contact_name      VARCHAR(200),
    emergency_contact_relation  VARCHAR(100),
    emergency_contact_phone     VARCHAR(30),
    created_by                  UUID,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    version                     BIGINT                   NOT NULL,
    CONSTRAINT supervision_person_contact_method_check CHECK (contact_method IN ('CALL', 'TEXT', 'EMAIL', 'NONE')),
    CONSTRAINT supervision_person_quiet_hours_check CHECK ((quiet_hours_start IS NULL) = (quiet_hours_end IS NULL))
);
CREATE INDEX supervision_person_organization_idx ON supervision_person (organization_id, family_name_key, given_name_key);
CREATE INDEX supervision_person_birth_idx ON supervision_person (organization_id, date_of_birth);
CREATE INDEX supervision_person_family_trgm_idx ON supervision_person USING gin (family_name_key gin_trgm_ops);
CREATE INDEX supervision_person_given_trgm_idx ON supervision_person USING gin (given_name_key gin_trgm_ops);

CREATE TABLE supervision_person_alias (
    person_id       UUID         NOT NULL REFERENCES supervision_person (id) ON DELETE CASCADE,
    position        INT          NOT NULL,
    given_name      VARCHAR(100),
    middle_name     VARCHAR(100),
    family_name     VARCHAR(100) NOT NULL,
    given_name_key  VARCHAR(100),
    family_name_key VARCHAR(100) NOT NULL,
    PRIMARY KEY (person_id, position)
);
CREATE INDEX supervision_person_alias_family_trgm_idx ON supervision_person_alias USING gin (family_name_key gin_trgm_ops);

CREATE TABLE supervision_person_identifier (
    person_id       UUID         NOT NULL REFERENCES supervision_person (id) ON DELETE CASCADE,
    position        INT          NOT NULL,
    organization_id UUID         NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    value           VARCHAR(60)  NOT NULL,
    value_key       VARCHAR(60)  NOT NULL,
    PRIMARY KEY (person_id, position),
    CONSTRAINT supervision_person_identifier_kind_check CHECK (kind IN ('AGENCY_ID', 'STATE_ID', 'COURT_CASE_NUMBER'))
);
CREATE UNIQUE INDEX supervision_person_identifier_uq ON supervision_person_identifier (organization_id, kind, value_key);

CREATE TABLE supervision_person_address (
    person_id   UUID         NOT NULL REFERENCES supervision_person (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    line1       VARCHAR(200) NOT NULL,
    line2       VARCHAR(200),
    city        VARCHAR(100) NOT NULL,
    state       VARCHAR(2)   NOT NULL,
    postal_code VARCHAR(10)  NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE,
    PRIMARY KEY (person_id, position),
    CONSTRAINT supervision_person_address_dates_check CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- An agency's teams: each officer reports to at most one supervisor of the same agency.
CREATE TABLE supervision_team_member (
    officer_id      UUID PRIMARY KEY REFERENCES identity_user (id),
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    supervisor_id   UUID                     NOT NULL REFERENCES identity_user (id),
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_by       VARCHAR(60)              NOT NULL
);
CREATE INDEX supervision_team_member_supervisor_idx ON supervision_team_member (supervisor_id);

CREATE TABLE supervision_case (
    id                UUID PRIMARY KEY,
    organization_id   UUID                     NOT NULL REFERENCES identity_organization (id),
    person_id         UUID                     NOT NULL REFERENCES supervision_person (id),
    supervision_type  VARCHAR(20)              NOT NULL,
    court             VARCHAR(200)             NOT NULL,
    docket_number     VARCHAR(60)              NOT NULL,
    start_date        DATE                     NOT NULL,
    expected_end_date DATE                     NOT NULL,
    level             VARCHAR(20)              NOT NULL,
    officer_id        UUID                     NOT NULL REFERENCES identity_user (id),
    status            VARCHAR(10)              NOT NULL,
    closed_on         DATE,
    closure_reason    VARCHAR(30),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT supervision_case_dates_check CHECK (expected_end_date > start_date),
    CONSTRAINT supervision_case_status_check CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT supervision_case_closure_check CHECK ((status = 'CLOSED') = (closure_reason IS NOT NULL AND closed_on IS NOT NULL))
);
CREATE INDEX supervision_case_person_idx ON supervision_case (person_id);
CREATE INDEX supervision_case_officer_idx ON supervision_case (officer_id, status);

CREATE TABLE supervision_case_offense (
    case_id     UUID         NOT NULL REFERENCES supervision_case (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    category    VARCHAR(30)  NOT NULL,
    description VARCHAR(300) NOT NULL,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE supervision_case_assignment (
    case_id     UUID                     NOT NULL REFERENCES supervision_case (id) ON DELETE CASCADE,
    position    INT                      NOT NULL,
    officer_id  UUID                     NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by VARCHAR(60)              NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (case_id, position)
);

CREATE TABLE supervision_condition (
    id          UUID PRIMARY KEY,
    case_id     UUID                     NOT NULL REFERENCES supervision_case (id),
    kind        VARCHAR(30)              NOT NULL,
    special     BOOLEAN                  NOT NULL,
    description VARCHAR(1000)            NOT NULL,
    status      VARCHAR(30)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT supervision_condition_status_check CHECK (status IN ('PENDING', 'IN_COMPLIANCE', 'OUT_OF_COMPLIANCE', 'SATISFIED'))
);
CREATE INDEX supervision_condition_case_idx ON supervision_condition (case_id);

CREATE TABLE supervision_condition_note (
    condition_id UUID                     NOT NULL REFERENCES supervision_condition (id) ON DELETE CASCADE,
    position     INT                      NOT NULL,
    noted_on     DATE                     NOT NULL,
    text         VARCHAR(4000)            NOT NULL,
    written_by   VARCHAR(60)              NOT NULL,
    written_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (condition_id, position)
);

COMMENT ON TABLE supervision_person IS 'A person on supervision, kept by the supervising agency (organization_id) that entered them. Nobody outside that agency reads it.';
COMMENT ON COLUMN supervision_person.given_name_key IS 'The given name folded for matching: lower case, accents and punctuation removed. Duplicate detection compares keys with pg_trgm.';
COMMENT ON COLUMN supervision_person.family_name_key IS 'The family name folded for matching, as given_name_key.';
COMMENT ON COLUMN supervision_person.races IS 'Self-reported races, comma-separated codes (several may apply); null when not reported.';
COMMENT ON COLUMN supervision_person.ethnicity IS 'Self-reported ethnicity code; null when not reported.';
COMMENT ON COLUMN supervision_person.preferred_language IS 'BCP 47 language tag, such as es or zh-Hant.';
COMMENT ON COLUMN supervision_person.contact_method IS 'How the person prefers to be contacted: CALL, TEXT, EMAIL or NONE.';
COMMENT ON COLUMN supervision_person.quiet_hours_start IS 'Start of the daily hours in which the person is not to be contacted (local time); may be after the end, spanning midnight.';
COMMENT ON COLUMN supervision_person.created_by IS 'The user who entered the person; until a case exists, only they and the agency''s administrators see the record.';
COMMENT ON TABLE supervision_person_alias IS 'Other names a person is or was known by.';
COMMENT ON TABLE supervision_person_identifier IS 'Agency ids, state ids and court case numbers of a person; one of a kind and value per agency.';
COMMENT ON COLUMN supervision_person_identifier.organization_id IS 'The agency that keeps the person, repeated here so that uniqueness within the agency is an index.';
COMMENT ON COLUMN supervision_person_identifier.value_key IS 'The value in upper case without spaces and dashes, for uniqueness and matching.';
COMMENT ON TABLE supervision_person_address IS 'Address history; the address without valid_to is the current one (at most one).';
COMMENT ON TABLE supervision_team_member IS 'An agency''s teams: the supervisor an officer reports to. A supervisor sees the people on the cases of their team (ADR 0009).';
COMMENT ON COLUMN supervision_team_member.linked_by IS 'Actor reference (user:<uuid> or token:<uuid>) of who made the link.';
COMMENT ON TABLE supervision_case IS 'A supervision case: a court case or sentence under which a person is supervised by one officer of the agency.';
COMMENT ON COLUMN supervision_case.officer_id IS 'The assigned officer now; earlier assignments are in supervision_case_assignment.';
COMMENT ON COLUMN supervision_case.closure_reason IS 'Why the case closed: SUCCESSFUL_COMPLETION, EARLY_DISCHARGE, REVOCATION, ABSCONDING, DEATH or TRANSFER_OUT.';
COMMENT ON TABLE supervision_case_offense IS 'The offenses of a case, each with its offense category.';
COMMENT ON TABLE supervision_case_assignment IS 'Every assignment of a case to an officer, the first one included, in order.';
COMMENT ON COLUMN supervision_case_assignment.assigned_by IS 'Actor reference (user:<uuid> or token:<uuid>) of who assigned or transferred.';
COMMENT ON TABLE supervision_condition IS 'A condition of supervision on a case (standard or special) and its compliance status.';
COMMENT ON COLUMN supervision_condition.special IS 'True for a special condition set for this case by the court; false for a standard condition.';
COMMENT ON TABLE supervision_condition_note IS 'Dated notes on a condition, in the order written.';
COMMENT ON COLUMN supervision_condition_note.noted_on IS 'The day the note is about, which may be before the day it was written.';
