-- Supervision: needs assessments (agency-configured instruments in versions, assessments completed
-- with an instrument or imported from an external one, their results per need domain),
-- responsivity factors of a person, and the case plan of a case (ADR 0010).

CREATE TABLE supervision_instrument (
    id              UUID PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    series_id       UUID                     NOT NULL,
    number          INT                      NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    definition      JSONB                    NOT NULL,
    current         BOOLEAN                  NOT NULL,
    created_by      VARCHAR(80)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT supervision_instrument_number_key UNIQUE (series_id, number)
);
CREATE INDEX supervision_instrument_organization_idx ON supervision_instrument (organization_id, current);
CREATE UNIQUE INDEX supervision_instrument_current_idx ON supervision_instrument (series_id) WHERE current;

CREATE TABLE supervision_assessment (
    id                 UUID PRIMARY KEY,
    organization_id    UUID                     NOT NULL REFERENCES identity_organization (id),
    person_id          UUID                     NOT NULL REFERENCES supervision_person (id),
    source             VARCHAR(12)              NOT NULL,
    instrument_id      UUID REFERENCES supervision_instrument (id),
    instrument_name    VARCHAR(200)             NOT NULL,
    instrument_number  INT,
    assessed_on        DATE                     NOT NULL,
    total_score        INT,
    risk_level         VARCHAR(10)              NOT NULL,
    next_due_on        DATE                     NOT NULL,
    answers            JSONB,
    assessed_by        VARCHAR(80)              NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT supervision_assessment_source_check CHECK (source IN ('INSTRUMENT', 'EXTERNAL')),
    CONSTRAINT supervision_assessment_instrument_check CHECK ((source = 'INSTRUMENT') = (instrument_id IS NOT NULL)),
    CONSTRAINT supervision_assessment_risk_check CHECK (risk_level IN ('LOW', 'MODERATE', 'HIGH', 'VERY_HIGH'))
);
CREATE INDEX supervision_assessment_person_idx ON supervision_assessment (person_id, assessed_on DESC, recorded_at DESC);

CREATE TABLE supervision_assessment_domain (
    assessment_id UUID        NOT NULL REFERENCES supervision_assessment (id) ON DELETE CASCADE,
    domain        VARCHAR(30) NOT NULL,
    severity      VARCHAR(10) NOT NULL,
    score         INT,
    PRIMARY KEY (assessment_id, domain),
    CONSTRAINT supervision_assessment_domain_severity_check CHECK (severity IN ('NONE', 'MODERATE', 'HIGH'))
);

CREATE TABLE supervision_responsivity (
    id              UUID PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    person_id       UUID                     NOT NULL REFERENCES supervision_person (id),
    factor          VARCHAR(20)              NOT NULL,
    level           VARCHAR(12)              NOT NULL,
    notes           VARCHAR(1000),
    recorded_on     DATE                     NOT NULL,
    assessment_id   UUID REFERENCES supervision_assessment (id),
    recorded_by     VARCHAR(80)              NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT supervision_responsivity_level_check CHECK (level IN ('NONE', 'SOME', 'SIGNIFICANT'))
);
CREATE INDEX supervision_responsivity_person_idx ON supervision_responsivity (person_id, factor, recorded_on DESC, recorded_at DESC);

CREATE TABLE supervision_case_plan (
    id              UUID PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    case_id         UUID                     NOT NULL UNIQUE REFERENCES supervision_case (id),
    person_id       UUID                     NOT NULL REFERENCES supervision_person (id),
    created_on      DATE                     NOT NULL,
    based_on        UUID REFERENCES supervision_assessment (id),
    goals           JSONB                    NOT NULL,
    signed_on       DATE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT supervision_case_plan_signed_check CHECK (signed_on IS NULL OR signed_on >= created_on)
);

COMMENT ON TABLE supervision_instrument IS 'A needs-assessment instrument an agency configured: one row per version. Editing an instrument that assessments used makes a new version (ADR 0010).';
COMMENT ON COLUMN supervision_instrument.series_id IS 'Identifies the instrument across its versions; every version of one instrument shares it.';
COMMENT ON COLUMN supervision_instrument.number IS 'The instrument''s version number within its series, from 1. Not the optimistic-locking version.';
COMMENT ON COLUMN supervision_instrument.definition IS 'The need domains, items with answer options and points, severity thresholds per domain and risk thresholds on the total, as JSON (InstrumentDefinition).';
COMMENT ON COLUMN supervision_instrument.current IS 'True for the version used for new assessments; earlier versions stay for the assessments that used them.';
COMMENT ON TABLE supervision_assessment IS 'A needs assessment of a person: completed item by item with an agency instrument (scored by Bridgeway) or imported as results of an external instrument.';
COMMENT ON COLUMN supervision_assessment.source IS 'INSTRUMENT (answered item by item, scored here) or EXTERNAL (domain results and risk level as the external instrument gave them).';
COMMENT ON COLUMN supervision_assessment.instrument_name IS 'The instrument''s name when assessed; for an external result, the external instrument''s name as entered.';
COMMENT ON COLUMN supervision_assessment.instrument_number IS 'The version number of the agency instrument used; null for an external result.';
COMMENT ON COLUMN supervision_assessment.next_due_on IS 'When the person is due for reassessment: assessed_on plus the review interval of the risk level. Overdue when past and no later assessment exists.';
COMMENT ON COLUMN supervision_assessment.answers IS 'The chosen option (index from 0) per item key; null for an external result.';
COMMENT ON COLUMN supervision_assessment.assessed_by IS 'Actor reference (user:<uuid> or token:<uuid>) of who recorded the assessment.';
COMMENT ON TABLE supervision_assessment_domain IS 'The result per need domain of an assessment: severity NONE, MODERATE or HIGH, and the points when scored.';
COMMENT ON TABLE supervision_responsivity IS 'Responsivity factors of a person (language, literacy, transportation...): history kept, the latest row per factor counts.';
COMMENT ON COLUMN supervision_responsivity.level IS 'How much the factor shapes how services must be delivered: NONE, SOME or SIGNIFICANT.';
COMMENT ON COLUMN supervision_responsivity.assessment_id IS 'The assessment the factor was recorded with, if any.';
COMMENT ON TABLE supervision_case_plan IS 'The case plan of a supervision case: goals per need domain, highest need first, with tasks and progress notes.';
COMMENT ON COLUMN supervision_case_plan.goals IS 'The goals in order, each with its tasks and dated progress notes, as JSON (one aggregate, one version).';
COMMENT ON COLUMN supervision_case_plan.based_on IS 'The assessment whose needs the plan''s first goals were proposed from, if any.';
COMMENT ON COLUMN supervision_case_plan.signed_on IS 'The day the person signed the plan; null until signed.';
