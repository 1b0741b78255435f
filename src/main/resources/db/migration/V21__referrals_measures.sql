-- Referral measures: one row per sent referral, kept up to date from the ReferralChanged events
-- (not from the referral table), so that the figures follow what was published and can be rebuilt
-- by replaying the events.

CREATE TABLE referral_measure (
    referral_id               UUID PRIMARY KEY REFERENCES referral (id) ON DELETE CASCADE,
    referring_organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    referring_officer_id      UUID,
    provider_organization_id  UUID REFERENCES identity_organization (id),
    off_platform              BOOLEAN                  NOT NULL,
    sent_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response            VARCHAR(20),
    first_response_at         TIMESTAMP WITH TIME ZONE,
    accepted_at               TIMESTAMP WITH TIME ZONE,
    declined_at               TIMESTAMP WITH TIME ZONE,
    decline_reason            VARCHAR(40),
    waitlisted_at             TIMESTAMP WITH TIME ZONE,
    intake_at                 TIMESTAMP WITH TIME ZONE,
    overdue_at                TIMESTAMP WITH TIME ZONE,
    closed_state              VARCHAR(20),
    closed_at                 TIMESTAMP WITH TIME ZONE,
    last_version              BIGINT                   NOT NULL,
    CONSTRAINT referral_measure_first_response CHECK (first_response IN ('ACCEPTED', 'DECLINED', 'WAITLISTED'))
);

CREATE INDEX referral_measure_referrer ON referral_measure (referring_organization_id, sent_at);
CREATE INDEX referral_measure_provider ON referral_measure (provider_organization_id, sent_at);

COMMENT ON TABLE referral_measure IS 'The facts the referral measures are computed from, one row per sent referral, written by a listener of ReferralChanged events (the event publication registry delivers each once it commits, and again after a crash).';
COMMENT ON COLUMN referral_measure.first_response IS 'The provider''s first answer: ACCEPTED, DECLINED or WAITLISTED; null while unanswered.';
COMMENT ON COLUMN referral_measure.first_response_at IS 'When the first answer came; time to first response is this minus sent_at.';
COMMENT ON COLUMN referral_measure.decline_reason IS 'The coded reason of a decline (DeclineReason).';
COMMENT ON COLUMN referral_measure.intake_at IS 'When the intake appointment is (the latest one scheduled); time to intake is this minus sent_at.';
COMMENT ON COLUMN referral_measure.overdue_at IS 'When the response deadline passed unanswered (the escalation); null if the provider answered in time.';
COMMENT ON COLUMN referral_measure.last_version IS 'The highest referral version applied: a redelivered or older event never rolls a later state back.';
