-- Care: transitions of care (release from custody into community treatment, a move from one
-- provider to another with a warm hand-off) and the transfer summary the sending provider writes.

CREATE TABLE care_transition (
    id                   UUID PRIMARY KEY,
    person_id            UUID                     NOT NULL REFERENCES supervision_person (id),
    agency_id            UUID                     NOT NULL REFERENCES identity_organization (id),
    kind                 VARCHAR(20)              NOT NULL,
    released_on          DATE,
    intake_within_days   INTEGER,
    referral_id          UUID,
    from_episode_id      UUID                     REFERENCES care_episode (id),
    to_episode_id        UUID                     REFERENCES care_episode (id),
    overlap_ends_on      DATE,
    recorded_by          VARCHAR(60)              NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   NOT NULL,
    CONSTRAINT care_transition_kind_check CHECK (kind IN ('RELEASE', 'STEP_DOWN', 'STEP_UP', 'MOVE')),
    CONSTRAINT care_transition_release_check CHECK (kind <> 'RELEASE'
        OR (released_on IS NOT NULL AND intake_within_days BETWEEN 1 AND 30 AND from_episode_id IS NULL AND overlap_ends_on IS NULL)),
    CONSTRAINT care_transition_handoff_check CHECK (kind = 'RELEASE'
        OR (from_episode_id IS NOT NULL AND to_episode_id IS NOT NULL AND overlap_ends_on IS NOT NULL AND released_on IS NULL)),
    CONSTRAINT care_transition_episodes_differ CHECK (from_episode_id IS NULL OR from_episode_id <> to_episode_id)
);
CREATE INDEX care_transition_person_idx ON care_transition (person_id, recorded_at DESC);
CREATE INDEX care_transition_to_episode_idx ON care_transition (to_episode_id);
CREATE INDEX care_transition_from_episode_idx ON care_transition (from_episode_id);
CREATE INDEX care_transition_overlap_idx ON care_transition (overlap_ends_on) WHERE kind <> 'RELEASE';

COMMENT ON TABLE care_transition IS 'A transition of care of a person on supervision, recorded by the supervising agency: release from custody to community treatment (RELEASE) or a move between providers with an overlap (STEP_DOWN, STEP_UP, MOVE).';
COMMENT ON COLUMN care_transition.released_on IS 'RELEASE: the planned (or actual) day of release from custody.';
COMMENT ON COLUMN care_transition.intake_within_days IS 'RELEASE: the intake is on time when the first appointment at the receiving episode starts at most this many days after release (default 3).';
COMMENT ON COLUMN care_transition.referral_id IS 'The referral of the person made for the transition (before release, or to the new provider); checked against the referrals module when recorded.';
COMMENT ON COLUMN care_transition.from_episode_id IS 'Provider to provider: the sending episode (A), ended as TRANSFERRED at the end of the overlap.';
COMMENT ON COLUMN care_transition.to_episode_id IS 'The receiving episode (B), or for a release the episode where intake happens, if already recorded.';
COMMENT ON COLUMN care_transition.overlap_ends_on IS 'Provider to provider: the last day both providers are on the case (warm hand-off); the sending episode ends on it.';
COMMENT ON COLUMN care_transition.recorded_by IS 'Actor reference of the agency staff member who recorded the transition.';

CREATE TABLE care_transfer_summary (
    transition_id   UUID PRIMARY KEY REFERENCES care_transition (id),
    provider_id     UUID                     NOT NULL REFERENCES identity_organization (id),
    summary         VARCHAR(4000)            NOT NULL,
    sensitivity     VARCHAR(20)              NOT NULL,
    written_by      VARCHAR(60)              NOT NULL,
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT care_transfer_summary_sensitivity_check CHECK (sensitivity IN ('ORDINARY', 'HEALTH', 'PART_2'))
);

COMMENT ON TABLE care_transfer_summary IS 'The transfer summary the sending provider writes for the receiving provider: protected information, shown to the receiving provider only through the consent engine (purpose CARE_COORDINATION, category DISCHARGE_SUMMARY).';
COMMENT ON COLUMN care_transfer_summary.provider_id IS 'The sending provider (discloser), the provider of the transition''s from-episode.';
COMMENT ON COLUMN care_transfer_summary.sensitivity IS 'The sensitivity of the sending provider''s information when written (Part 2 for a 42 CFR Part 2 program, else health).';
