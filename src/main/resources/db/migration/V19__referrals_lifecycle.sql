-- Referrals: the closed loop between a referrer and a service, with its timeline, attachments and
-- the response deadline settings of provider organizations (ADR 0017).

CREATE TABLE referral (
    id                        UUID PRIMARY KEY,
    person_id                 UUID                     NOT NULL REFERENCES supervision_person (id),
    person_name               VARCHAR(300)             NOT NULL,
    person_birth_date         DATE,
    referring_organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    referring_officer_id      UUID,
    created_by                VARCHAR(60)              NOT NULL,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    service_id                UUID,
    service_name              VARCHAR(500),
    provider_organization_id  UUID REFERENCES identity_organization (id),
    off_platform              BOOLEAN                  NOT NULL DEFAULT FALSE,
    off_platform_provider     VARCHAR(300),
    off_platform_phone        VARCHAR(40),
    follow_up_due             DATE,
    need_domain               VARCHAR(40)              NOT NULL,
    goal_id                   UUID,
    reason                    VARCHAR(4000)            NOT NULL,
    history                   VARCHAR(8000),
    risk_information          VARCHAR(4000),
    shared_categories         VARCHAR(200)             NOT NULL DEFAULT '',
    consent_directive_id      UUID,
    urgency                   VARCHAR(20)              NOT NULL,
    preferred_contact         VARCHAR(20)              NOT NULL,
    state                     VARCHAR(20)              NOT NULL,
    sent_at                   TIMESTAMP WITH TIME ZONE,
    respond_by                TIMESTAMP WITH TIME ZONE,
    remind_at                 TIMESTAMP WITH TIME ZONE,
    reminded_at               TIMESTAMP WITH TIME ZONE,
    overdue                   BOOLEAN                  NOT NULL DEFAULT FALSE,
    overdue_at                TIMESTAMP WITH TIME ZONE,
    responded_at              TIMESTAMP WITH TIME ZONE,
    assigned_caseworker_id    UUID,
    waitlist_until            DATE,
    intake_at                 TIMESTAMP WITH TIME ZONE,
    intake_mode               VARCHAR(20),
    intake_place              VARCHAR(300),
    closing_reason            VARCHAR(40),
    closing_note              VARCHAR(4000),
    closed_at                 TIMESTAMP WITH TIME ZONE,
    eligibility_justification VARCHAR(2000),
    version                   BIGINT                   NOT NULL,
    CONSTRAINT referral_state_check CHECK (state IN ('DRAFT', 'SENT', 'ACCEPTED', 'WAITLISTED',
        'INTAKE_SCHEDULED', 'IN_PROGRESS', 'DECLINED', 'COMPLETED', 'ENDED_EARLY', 'WITHDRAWN')),
    CONSTRAINT referral_urgency_check CHECK (urgency IN ('ROUTINE', 'URGENT', 'EMERGENT')),
    CONSTRAINT referral_contact_check CHECK (preferred_contact IN ('PHONE', 'EMAIL', 'TEXT', 'THROUGH_OFFICER')),
    CONSTRAINT referral_sent_has_provider CHECK (state = 'DRAFT' OR state = 'WITHDRAWN'
        OR provider_organization_id IS NOT NULL OR (off_platform AND off_platform_provider IS NOT NULL))
);

CREATE INDEX referral_provider_state ON referral (provider_organization_id, state, sent_at DESC);
CREATE INDEX referral_referrer_state ON referral (referring_organization_id, state, created_at DESC);
CREATE INDEX referral_person ON referral (person_id);
CREATE INDEX referral_awaiting ON referral (respond_by) WHERE state = 'SENT' AND NOT off_platform;

COMMENT ON TABLE referral IS 'A referral of a person on supervision to a service (on the platform) or to a provider off the platform, from draft to a closed loop. The aggregate root; see ADR 0017.';
COMMENT ON COLUMN referral.person_name IS 'The person''s full name as the referrer saw it when drafting, so that the provider can name the person without reaching the supervision record.';
COMMENT ON COLUMN referral.referring_officer_id IS 'The user who owns the referral on the referrer''s side; null when an agency system (API token) made it.';
COMMENT ON COLUMN referral.service_name IS 'The directory service''s name when the referral was sent, kept as it was then.';
COMMENT ON COLUMN referral.provider_organization_id IS 'The network organization stewarding the service''s directory organization: whose staff answer the referral. Null off the platform.';
COMMENT ON COLUMN referral.off_platform IS 'Sent to a provider not on Bridgeway: the referrer records the provider''s answers.';
COMMENT ON COLUMN referral.follow_up_due IS 'Off the platform: the day by which the referrer confirms the outcome with the provider by phone.';
COMMENT ON COLUMN referral.history IS 'Relevant history chosen by the referrer: protected content, shown to the provider only as the consent engine permits for shared_categories.';
COMMENT ON COLUMN referral.risk_information IS 'Risk and safety information the provider needs to keep staff and others safe.';
COMMENT ON COLUMN referral.shared_categories IS 'Comma-separated consent InformationCategory codes the history and attachments contain; empty when they hold no protected information.';
COMMENT ON COLUMN referral.consent_directive_id IS 'The directive the consent engine found permitting the disclosure when the referral was sent.';
COMMENT ON COLUMN referral.respond_by IS 'The response deadline: the sending time plus the provider''s business days (weekends skipped).';
COMMENT ON COLUMN referral.remind_at IS 'When the provider is reminded that the deadline nears (RESPONSE_DUE_SOON).';
COMMENT ON COLUMN referral.reminded_at IS 'When the due-soon reminder was published; null until then (published once).';
COMMENT ON COLUMN referral.overdue IS 'The deadline passed without an answer; kept after the answer for reports.';
COMMENT ON COLUMN referral.closing_reason IS 'The coded reason of a decline (DeclineReason), early end (EndReason) or withdrawal (WithdrawReason).';
COMMENT ON COLUMN referral.eligibility_justification IS 'Why the referrer sent the referral although the eligibility check found the person ineligible.';
COMMENT ON COLUMN referral.version IS 'Optimistic lock: a change quotes the version it read.';

CREATE TABLE referral_timeline_entry (
    referral_id     UUID                     NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    position        INT                      NOT NULL,
    kind            VARCHAR(30)              NOT NULL,
    actor           VARCHAR(60)              NOT NULL,
    organization_id UUID,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    codes           VARCHAR(500),
    note            VARCHAR(4000),
    PRIMARY KEY (referral_id, position)
);

COMMENT ON TABLE referral_timeline_entry IS 'What happened to a referral, in order: who (user, token or system), for which organization, when, with codes and any free text (a reason, an amendment''s change log and why).';
COMMENT ON COLUMN referral_timeline_entry.codes IS 'Codes only, as key=value pairs separated by semicolons: a reason code, the fields an amendment changed.';
COMMENT ON COLUMN referral_timeline_entry.note IS 'The free text that goes with the entry (the reason given); shown to both sides.';

CREATE TABLE referral_attachment (
    id           UUID PRIMARY KEY,
    referral_id  UUID                     NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    file_name    VARCHAR(255)             NOT NULL,
    media_type   VARCHAR(100)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    content      BYTEA                    NOT NULL,
    uploaded_by  VARCHAR(60)              NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT referral_attachment_type_check CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain'))
);
CREATE INDEX referral_attachment_referral ON referral_attachment (referral_id, uploaded_at);

COMMENT ON TABLE referral_attachment IS 'Documents attached to a referral by the referrer; protected like the history. The media type is decided from the content''s magic bytes, not from what the client claimed.';

CREATE TABLE referral_provider_setting (
    provider_organization_id UUID PRIMARY KEY REFERENCES identity_organization (id),
    response_business_days   INT                      NOT NULL,
    reminder_hours           INT                      NOT NULL,
    version                  BIGINT                   NOT NULL,
    updated_by               VARCHAR(60)              NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT referral_setting_days CHECK (response_business_days BETWEEN 1 AND 30),
    CONSTRAINT referral_setting_hours CHECK (reminder_hours BETWEEN 1 AND 168)
);

COMMENT ON TABLE referral_provider_setting IS 'A provider organization''s response deadline for referrals, set by its administrators; without a row the defaults of referrals.* configuration apply.';
COMMENT ON COLUMN referral_provider_setting.response_business_days IS 'Business days (Monday to Friday) a provider has to answer a referral after it is sent.';
COMMENT ON COLUMN referral_provider_setting.reminder_hours IS 'How many hours before the deadline the due-soon reminder goes out.';
