-- Supervision contacts and contact standards, violations with their responses, incentives, and the
-- agency's response matrix (ADR 0011).

CREATE TABLE supervision_contact (
    id                UUID PRIMARY KEY,
    case_id           UUID                     NOT NULL REFERENCES supervision_case (id),
    kind              VARCHAR(20)              NOT NULL,
    scheduled_for     TIMESTAMP WITH TIME ZONE NOT NULL,
    location          VARCHAR(300),
    scheduled_by      VARCHAR(60)              NOT NULL,
    happened_at       TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(30),
    notes             VARCHAR(4000),
    officer_id        UUID REFERENCES identity_user (id),
    recorded_by       VARCHAR(60),
    recorded_at       TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT supervision_contact_kind_check CHECK (kind IN ('OFFICE', 'HOME', 'FIELD', 'PHONE', 'VIDEO', 'COLLATERAL')),
    CONSTRAINT supervision_contact_outcome_check CHECK (outcome IS NULL OR outcome IN ('COMPLETED', 'ATTEMPTED_NOT_FOUND', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED')),
    CONSTRAINT supervision_contact_recorded_check CHECK ((outcome IS NULL) = (happened_at IS NULL) AND (outcome IS NULL) = (officer_id IS NULL))
);
CREATE INDEX supervision_contact_case_idx ON supervision_contact (case_id, happened_at DESC);
CREATE INDEX supervision_contact_completed_idx ON supervision_contact (case_id, happened_at DESC) WHERE outcome = 'COMPLETED';

CREATE TABLE supervision_contact_standard (
    organization_id   UUID                     NOT NULL REFERENCES identity_organization (id),
    level             VARCHAR(20)              NOT NULL,
    contacts          INT                      NOT NULL,
    period_days       INT                      NOT NULL,
    field_every_days  INT,
    updated_by        VARCHAR(60)              NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    PRIMARY KEY (organization_id, level),
    CONSTRAINT supervision_contact_standard_level_check CHECK (level IN ('LOW', 'MODERATE', 'HIGH', 'INTENSIVE')),
    CONSTRAINT supervision_contact_standard_contacts_check CHECK (contacts BETWEEN 1 AND 10),
    CONSTRAINT supervision_contact_standard_period_check CHECK (period_days BETWEEN 1 AND 365),
    CONSTRAINT supervision_contact_standard_field_check CHECK (field_every_days IS NULL OR field_every_days BETWEEN 1 AND 365)
);

CREATE TABLE supervision_violation (
    id            UUID PRIMARY KEY,
    case_id       UUID                     NOT NULL REFERENCES supervision_case (id),
    condition_id  UUID REFERENCES supervision_condition (id),
    occurred_on   DATE                     NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    severity      VARCHAR(10)              NOT NULL,
    description   VARCHAR(4000)            NOT NULL,
    level         VARCHAR(20)              NOT NULL,
    recorded_by   VARCHAR(60)              NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL,
    CONSTRAINT supervision_violation_kind_check CHECK (kind IN ('TECHNICAL', 'NEW_OFFENSE', 'ABSCONDING', 'OTHER')),
    CONSTRAINT supervision_violation_severity_check CHECK (severity IN ('LOW', 'MODERATE', 'HIGH'))
);
CREATE INDEX supervision_violation_case_idx ON supervision_violation (case_id, occurred_on DESC);

CREATE TABLE supervision_violation_response (
    violation_id  UUID                     NOT NULL REFERENCES supervision_violation (id) ON DELETE CASCADE,
    position      INT                      NOT NULL,
    sanction      VARCHAR(30)              NOT NULL,
    responded_on  DATE                     NOT NULL,
    note          VARCHAR(4000),
    within_range  BOOLEAN                  NOT NULL,
    reason        VARCHAR(1000),
    recorded_by   VARCHAR(60)              NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (violation_id, position),
    CONSTRAINT supervision_violation_response_reason_check CHECK (within_range OR reason IS NOT NULL)
);

CREATE TABLE supervision_incentive (
    id            UUID PRIMARY KEY,
    case_id       UUID                     NOT NULL REFERENCES supervision_case (id),
    kind          VARCHAR(40)              NOT NULL,
    given_on      DATE                     NOT NULL,
    note          VARCHAR(4000),
    recorded_by   VARCHAR(60)              NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL,
    CONSTRAINT supervision_incentive_kind_check CHECK (kind IN ('PRAISE', 'REDUCED_REPORTING', 'EARLY_DISCHARGE_RECOMMENDATION', 'CERTIFICATE', 'OTHER'))
);
CREATE INDEX supervision_incentive_case_idx ON supervision_incentive (case_id, given_on DESC);

CREATE TABLE supervision_response_range (
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    severity        VARCHAR(10)              NOT NULL,
    level           VARCHAR(20)              NOT NULL,
    lowest          VARCHAR(30)              NOT NULL,
    highest         VARCHAR(30)              NOT NULL,
    updated_by      VARCHAR(60)              NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    PRIMARY KEY (organization_id, severity, level)
);

COMMENT ON TABLE supervision_contact IS 'A contact between an officer and a person on supervision on a case: scheduled first, then recorded with its outcome.';
COMMENT ON COLUMN supervision_contact.kind IS 'OFFICE, HOME, FIELD, PHONE, VIDEO or COLLATERAL (with someone other than the person: employer, family, provider).';
COMMENT ON COLUMN supervision_contact.scheduled_for IS 'When the contact was planned.';
COMMENT ON COLUMN supervision_contact.happened_at IS 'When the contact took place or was attempted; null until recorded, never in the future.';
COMMENT ON COLUMN supervision_contact.outcome IS 'COMPLETED, ATTEMPTED_NOT_FOUND, NO_SHOW, CANCELLED or RESCHEDULED; only COMPLETED contacts count toward the contact standard.';
COMMENT ON COLUMN supervision_contact.officer_id IS 'The officer of the agency who made (or attempted) the contact; set when recorded.';
COMMENT ON COLUMN supervision_contact.scheduled_by IS 'Actor reference (user:<uuid> or token:<uuid>) of who scheduled the contact.';
COMMENT ON COLUMN supervision_contact.recorded_by IS 'Actor reference of who recorded the outcome.';
COMMENT ON TABLE supervision_contact_standard IS 'An agency''s contact standard for a supervision level; a level without a row uses the built-in default (ADR 0011).';
COMMENT ON COLUMN supervision_contact_standard.contacts IS 'How many completed contacts every rolling window of period_days must hold.';
COMMENT ON COLUMN supervision_contact_standard.field_every_days IS 'At most this many days between completed HOME or FIELD contacts; null when the level needs none.';
COMMENT ON TABLE supervision_violation IS 'A violation of the terms of supervision on a case, with the graduated responses given to it.';
COMMENT ON COLUMN supervision_violation.condition_id IS 'The condition of the same case the violation relates to, if any.';
COMMENT ON COLUMN supervision_violation.level IS 'The case''s supervision level when the violation was recorded; with the severity it picks the suggested response range.';
COMMENT ON TABLE supervision_violation_response IS 'The sanctions given in response to a violation, in the order recorded.';
COMMENT ON COLUMN supervision_violation_response.within_range IS 'Whether the sanction was within the agency''s suggested range for the violation''s severity and level; outside it, reason is required.';
COMMENT ON COLUMN supervision_violation_response.reason IS 'Why the officer chose a sanction outside the suggested range.';
COMMENT ON TABLE supervision_incentive IS 'An incentive given to a person on a case: praise, reduced reporting, a certificate, a recommendation for early discharge.';
COMMENT ON TABLE supervision_response_range IS 'An agency''s response matrix: for a violation severity and a supervision level, the lowest and highest suggested sanction on the graduated ladder; a pair without a row uses the built-in default (ADR 0011).';
