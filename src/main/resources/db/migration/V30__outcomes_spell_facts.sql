-- Precomputed facts of each spell (ADR 0027): what every outcome measure needs, one row per spell,
-- recomputed for the people an OutcomeRecordsChanged names. The facts hold dates, never flags
-- relative to today, so that "followed long enough" is a comparison with the as-of date at read
-- time and the rows stay true as time passes; the dashboards aggregate these rows, never the raw
-- events.
CREATE TABLE outcomes_spell_fact (
    spell_id            UUID PRIMARY KEY REFERENCES outcomes_spell (id) ON DELETE CASCADE,
    person_id           UUID        NOT NULL REFERENCES outcomes_person (id) ON DELETE CASCADE,
    agency_id           UUID        NOT NULL,
    kind                VARCHAR(20) NOT NULL,
    start_date          DATE        NOT NULL,
    start_quarter       DATE        NOT NULL,
    end_date            DATE,
    end_reason          VARCHAR(30),
    observed_until      DATE,
    year1_on            DATE        NOT NULL,
    year2_on            DATE        NOT NULL,
    year3_on            DATE        NOT NULL,
    month6_on           DATE        NOT NULL,
    month12_on          DATE        NOT NULL,
    rearrest_on         DATE,
    reconviction_on     DATE,
    return_on           DATE,
    employed_6m         BOOLEAN     NOT NULL,
    employed_12m        BOOLEAN     NOT NULL,
    housing_12m         VARCHAR(20),
    participated        BOOLEAN     NOT NULL,
    program_id          VARCHAR(40),
    provider_id         UUID,
    officer_id          UUID,
    team_id             UUID,
    area                VARCHAR(60),
    risk_level          VARCHAR(20),
    gender              VARCHAR(20),
    race                VARCHAR(40),
    ethnicity           VARCHAR(30),
    age_band            VARCHAR(10) NOT NULL,
    refreshed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX outcomes_spell_fact_agency_idx ON outcomes_spell_fact (agency_id, kind, start_date);
CREATE INDEX outcomes_spell_fact_person_idx ON outcomes_spell_fact (person_id);
CREATE INDEX outcomes_spell_fact_provider_idx ON outcomes_spell_fact (provider_id, kind, start_date) WHERE provider_id IS NOT NULL;
COMMENT ON TABLE outcomes_spell_fact IS 'Per-spell facts the outcome measures aggregate (ADR 0027), recomputed from outcomes_spell, outcomes_event and outcomes_participation when a person''s records change.';
COMMENT ON COLUMN outcomes_spell_fact.observed_until IS 'The day the person left observation (the spell ended as DECEASED or TRANSFERRED); null while observed. Follow-up and survival are censored here.';
COMMENT ON COLUMN outcomes_spell_fact.year1_on IS 'The start date plus one year: the person counts for one-year recidivism once this day is on or before the as-of date (year2_on, year3_on alike).';
COMMENT ON COLUMN outcomes_spell_fact.rearrest_on IS 'The first ARREST strictly after the start (and not after observed_until); null when none.';
COMMENT ON COLUMN outcomes_spell_fact.reconviction_on IS 'The first CONVICTION strictly after the start (and not after observed_until); null when none.';
COMMENT ON COLUMN outcomes_spell_fact.return_on IS 'The first RETURN_TO_CUSTODY or REVOCATION strictly after the start (and not after observed_until); null when none.';
COMMENT ON COLUMN outcomes_spell_fact.employed_6m IS 'Employed six months after the start: an EMPLOYMENT_START on or before that day with no EMPLOYMENT_END after it up to that day.';
COMMENT ON COLUMN outcomes_spell_fact.housing_12m IS 'The status of the last HOUSING_CHANGE on or before twelve months after the start; null when none was recorded.';
COMMENT ON COLUMN outcomes_spell_fact.participated IS 'Whether the person attended a first program session on or after the start (and before the spell ended).';
COMMENT ON COLUMN outcomes_spell_fact.provider_id IS 'For a program exit: the provider of the program left (from the participation), for provider dashboards.';
COMMENT ON COLUMN outcomes_spell_fact.age_band IS 'Age at the start: UNDER_18, 18_24, 25_34, 35_44, 45_54, 55_PLUS or UNKNOWN.';
