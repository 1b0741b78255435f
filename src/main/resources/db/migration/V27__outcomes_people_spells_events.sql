-- Outcomes read model (ADR 0024). The outcomes module keeps its own copy of what it measures, fed
-- by the other modules' events and facades and by imports of historical cohorts, so that measures
-- never join across another module's tables and past data that never lived in Bridgeway can be
-- loaded beside the platform's own. No foreign keys to other modules: an imported cohort's people
-- are not supervision records.

CREATE TABLE outcomes_person (
    id            UUID PRIMARY KEY,
    agency_id     UUID                     NOT NULL,
    source        VARCHAR(10)              NOT NULL,
    external_ref  VARCHAR(60),
    birth_date    DATE,
    gender        VARCHAR(20),
    race          VARCHAR(40),
    ethnicity     VARCHAR(30),
    area          VARCHAR(60),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outcomes_person_source_check CHECK (source IN ('PLATFORM', 'IMPORTED'))
);
CREATE UNIQUE INDEX outcomes_person_external_uq ON outcomes_person (agency_id, external_ref) WHERE external_ref IS NOT NULL;
COMMENT ON TABLE outcomes_person IS 'A person measured by the outcomes module: a supervision person of the platform (same id) or a person of an imported historical cohort.';
COMMENT ON COLUMN outcomes_person.agency_id IS 'The probation agency (identity organization) whose person this is; every measure is scoped to agencies.';
COMMENT ON COLUMN outcomes_person.source IS 'PLATFORM: copied from supervision (id is the supervision person id). IMPORTED: loaded with a historical cohort.';
COMMENT ON COLUMN outcomes_person.external_ref IS 'The agency''s own number for the person, used to match imported outcome events to people.';
COMMENT ON COLUMN outcomes_person.race IS 'One race category (supervision Race), MULTIRACIAL when several were reported, null when unknown.';
COMMENT ON COLUMN outcomes_person.area IS 'The area the person lives in for breakdowns and gaps: the ZIP code of the current address (5 digits) or an imported area name.';

-- A spell is what a follow-up period starts from: a supervision start, a release from custody, or
-- a program exit. Recidivism is measured from the spell's start date.
CREATE TABLE outcomes_spell (
    id                UUID PRIMARY KEY,
    person_id         UUID                     NOT NULL REFERENCES outcomes_person (id) ON DELETE CASCADE,
    agency_id         UUID                     NOT NULL,
    kind              VARCHAR(20)              NOT NULL,
    source            VARCHAR(10)              NOT NULL,
    source_ref        VARCHAR(100),
    start_date        DATE                     NOT NULL,
    end_date          DATE,
    end_reason        VARCHAR(30),
    supervision_type  VARCHAR(20),
    supervision_level VARCHAR(20),
    risk_level        VARCHAR(20),
    instrument_code   VARCHAR(40),
    risk_score        NUMERIC(8, 2),
    officer_id        UUID,
    team_id           UUID,
    office_id         UUID,
    program_id        VARCHAR(40),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outcomes_spell_kind_check CHECK (kind IN ('SUPERVISION_START', 'RELEASE', 'PROGRAM_EXIT')),
    CONSTRAINT outcomes_spell_source_check CHECK (source IN ('PLATFORM', 'IMPORTED')),
    CONSTRAINT outcomes_spell_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT outcomes_spell_end_reason_check CHECK (end_reason IS NULL OR end_reason IN ('COMPLETED', 'EARLY_DISCHARGE', 'REVOKED', 'ABSCONDED', 'TRANSFERRED', 'DECEASED', 'OTHER'))
);
CREATE UNIQUE INDEX outcomes_spell_source_uq ON outcomes_spell (agency_id, kind, source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX outcomes_spell_person_idx ON outcomes_spell (person_id, start_date);
CREATE INDEX outcomes_spell_agency_start_idx ON outcomes_spell (agency_id, kind, start_date);
COMMENT ON TABLE outcomes_spell IS 'A follow-up period of a person: supervision start, release from custody or program exit, with what was known at its start (risk, type, level, officer, team, office).';
COMMENT ON COLUMN outcomes_spell.source_ref IS 'The record it was copied from (supervision case id, transition id, participation id) or the import''s own reference; makes re-copying and re-importing idempotent.';
COMMENT ON COLUMN outcomes_spell.end_reason IS 'How the spell ended: for supervision, its closure (COMPLETED and EARLY_DISCHARGE count as successful completion).';
COMMENT ON COLUMN outcomes_spell.risk_level IS 'The risk level (supervision RiskLevel) of the assessment nearest before the start (or within 60 days after it); null when none.';
COMMENT ON COLUMN outcomes_spell.risk_score IS 'The instrument''s total score of that assessment, for instrument validation (AUC).';
COMMENT ON COLUMN outcomes_spell.team_id IS 'The supervisor whose team the officer was on at the start (teams are named by their supervisor).';
COMMENT ON COLUMN outcomes_spell.program_id IS 'For PROGRAM_EXIT: the directory program (or service when it has no program) the person left.';

CREATE TABLE outcomes_event (
    id              UUID PRIMARY KEY,
    person_id       UUID                     NOT NULL REFERENCES outcomes_person (id) ON DELETE CASCADE,
    agency_id       UUID                     NOT NULL,
    kind            VARCHAR(30)              NOT NULL,
    occurred_on     DATE                     NOT NULL,
    offense_category VARCHAR(30),
    housing_status  VARCHAR(20),
    detail          VARCHAR(500),
    source          VARCHAR(10)              NOT NULL,
    source_ref      VARCHAR(100),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     VARCHAR(60)              NOT NULL,
    CONSTRAINT outcomes_event_kind_check CHECK (kind IN ('ARREST', 'CHARGE', 'CONVICTION', 'TECHNICAL_VIOLATION', 'REVOCATION', 'ABSCONDING', 'RETURN_TO_CUSTODY', 'EMPLOYMENT_START', 'EMPLOYMENT_END', 'HOUSING_CHANGE', 'EDUCATION_MILESTONE', 'PROGRAM_COMPLETION', 'SUPERVISION_CLOSURE')),
    CONSTRAINT outcomes_event_source_check CHECK (source IN ('ENTERED', 'DERIVED', 'IMPORTED')),
    CONSTRAINT outcomes_event_housing_check CHECK (housing_status IS NULL OR housing_status IN ('STABLE', 'TRANSITIONAL', 'UNSTABLE', 'HOMELESS')),
    CONSTRAINT outcomes_event_housing_kind_check CHECK ((kind = 'HOUSING_CHANGE') = (housing_status IS NOT NULL))
);
-- The same thing happening twice on one day to one person is one event: a re-sent import or a
-- derived event seen twice is recognised here.
CREATE UNIQUE INDEX outcomes_event_same_uq ON outcomes_event (person_id, kind, occurred_on, COALESCE(offense_category, ''), COALESCE(housing_status, ''));
CREATE UNIQUE INDEX outcomes_event_source_uq ON outcomes_event (agency_id, source, source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX outcomes_event_agency_kind_idx ON outcomes_event (agency_id, kind, occurred_on);
COMMENT ON TABLE outcomes_event IS 'Something that happened to a person that outcomes are measured by (arrest, conviction, revocation, employment, housing, completion...).';
COMMENT ON COLUMN outcomes_event.source IS 'ENTERED by staff, DERIVED from Bridgeway''s own records (violations, closures, discharges), or IMPORTED from court, police or employment data.';
COMMENT ON COLUMN outcomes_event.source_ref IS 'The record it was derived from or the importing system''s id; makes derivation and re-import idempotent.';
COMMENT ON COLUMN outcomes_event.offense_category IS 'For arrests, charges and convictions: the offense category (shared vocabulary OffenseCategory).';

-- A person's participation in a program: a referral to a service and what became of it.
CREATE TABLE outcomes_participation (
    id                 UUID PRIMARY KEY,
    person_id          UUID                     NOT NULL REFERENCES outcomes_person (id) ON DELETE CASCADE,
    agency_id          UUID                     NOT NULL,
    source             VARCHAR(10)              NOT NULL,
    source_ref         VARCHAR(100),
    program_id         VARCHAR(40)              NOT NULL,
    program_name       VARCHAR(300)             NOT NULL,
    service_id         VARCHAR(40),
    provider_id        UUID,
    need_domain        VARCHAR(30),
    referred_on        DATE                     NOT NULL,
    accepted_on        DATE,
    declined_on        DATE,
    first_session_on   DATE,
    sessions_scheduled INTEGER                  NOT NULL DEFAULT 0,
    sessions_attended  INTEGER                  NOT NULL DEFAULT 0,
    ended_on           DATE,
    completion         VARCHAR(20),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outcomes_participation_source_check CHECK (source IN ('PLATFORM', 'IMPORTED')),
    CONSTRAINT outcomes_participation_completion_check CHECK (completion IS NULL OR completion IN ('COMPLETED', 'PARTIAL', 'NOT_COMPLETED')),
    CONSTRAINT outcomes_participation_sessions_check CHECK (sessions_attended BETWEEN 0 AND sessions_scheduled),
    CONSTRAINT outcomes_participation_end_check CHECK ((completion IS NULL) = (ended_on IS NULL))
);
CREATE UNIQUE INDEX outcomes_participation_source_uq ON outcomes_participation (agency_id, source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX outcomes_participation_person_idx ON outcomes_participation (person_id, referred_on);
CREATE INDEX outcomes_participation_program_idx ON outcomes_participation (agency_id, program_id, referred_on);
COMMENT ON TABLE outcomes_participation IS 'A referral of a person to a program and its course: accepted or declined, first session, sessions scheduled and attended, end and completion.';
COMMENT ON COLUMN outcomes_participation.source_ref IS 'The referral id for the platform''s own referrals, the import''s reference otherwise.';
COMMENT ON COLUMN outcomes_participation.completion IS 'Set when the participation ended: COMPLETED, PARTIAL or NOT_COMPLETED (from the discharge summary).';
