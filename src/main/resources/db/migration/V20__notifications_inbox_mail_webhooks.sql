-- Notifications fed by referral events (ADR 0018): the in-app inbox, each user's preferences, the
-- mail outbox, and signed webhooks to partner systems with their delivery outbox. Codes and ids
-- only: nothing about a person is stored here.

CREATE TABLE notification (
    id             UUID PRIMARY KEY,
    user_id        UUID                     NOT NULL REFERENCES identity_user (id),
    category       VARCHAR(30)              NOT NULL,
    change         VARCHAR(30)              NOT NULL,
    referral_id    UUID                     NOT NULL,
    referral_version BIGINT                 NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at        TIMESTAMP WITH TIME ZONE,
    digest_pending BOOLEAN                  NOT NULL
);
-- A redelivered event (the registry republishes after a crash) adds nothing twice.
CREATE UNIQUE INDEX notification_event_uq ON notification (user_id, referral_id, referral_version, change);
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
-- The unread count in every page header is one index-only count.
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
CREATE INDEX notification_digest_idx ON notification (user_id, created_at) WHERE digest_pending;

COMMENT ON TABLE notification IS 'In-app notifications: a neutral sentence about a referral change and a link, one row per recipient';
COMMENT ON COLUMN notification.category IS 'Preference category: NEW_REFERRALS, REFERRAL_RESPONSES or DEADLINES';
COMMENT ON COLUMN notification.change IS 'The ReferralChanged.Change code; the sentence shown comes from the message bundle';
COMMENT ON COLUMN notification.referral_version IS 'The referral version the change produced; with the change it makes redelivery idempotent';
COMMENT ON COLUMN notification.digest_pending IS 'True while the notification waits for the recipient''s daily digest mail';

-- No foreign key to identity_user: a preference is the user's own choice, kept by user id like the
-- session principal's, and accounts are disabled, never deleted.
CREATE TABLE notification_preference (
    user_id    UUID                     NOT NULL,
    category   VARCHAR(30)              NOT NULL,
    email      VARCHAR(20)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, category)
);
COMMENT ON TABLE notification_preference IS 'How a user wants each category by email; a missing row means the default of ADR 0018. In-app is always on';
COMMENT ON COLUMN notification_preference.email IS 'IMMEDIATE, DIGEST or NONE';

CREATE TABLE notification_mail (
    id              UUID PRIMARY KEY,
    user_id         UUID                     NOT NULL REFERENCES identity_user (id),
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    kind            VARCHAR(20)              NOT NULL,
    subject         VARCHAR(200)             NOT NULL,
    body            TEXT                     NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    attempts        INT                      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_mail_due_idx ON notification_mail (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_mail_organization_idx ON notification_mail (organization_id, status);
COMMENT ON TABLE notification_mail IS 'Mail outbox: written in the transaction that decides to mail, sent by a recurring task, retried with backoff';
COMMENT ON COLUMN notification_mail.kind IS 'IMMEDIATE (one change) or DIGEST (the day''s changes of a user)';
COMMENT ON COLUMN notification_mail.body IS 'Neutral sentences and links only, never content about a person';
COMMENT ON COLUMN notification_mail.status IS 'PENDING until sent (SENT), given up after the maximum attempts (FAILED), or CANCELLED when the account has no usable address';
COMMENT ON COLUMN notification_mail.last_error IS 'The kind of the last failure (exception class), no message text';

CREATE TABLE webhook_endpoint (
    id              UUID PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    url             VARCHAR(500)             NOT NULL,
    events          VARCHAR(400)             NOT NULL,
    secret          VARCHAR(100)             NOT NULL,
    active          BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL
);
CREATE INDEX webhook_endpoint_organization_idx ON webhook_endpoint (organization_id);
COMMENT ON TABLE webhook_endpoint IS 'A partner system''s URL that receives signed referral events of its organization';
COMMENT ON COLUMN webhook_endpoint.events IS 'Comma-separated ReferralChanged.Change codes the endpoint wants';
COMMENT ON COLUMN webhook_endpoint.secret IS 'HMAC-SHA256 key shared with the partner, shown once at registration; needed in clear to sign';
COMMENT ON COLUMN webhook_endpoint.active IS 'False while paused: no deliveries are written for it';

CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    endpoint_id      UUID                     NOT NULL REFERENCES webhook_endpoint (id),
    organization_id  UUID                     NOT NULL REFERENCES identity_organization (id),
    referral_id      UUID                     NOT NULL,
    referral_version BIGINT                   NOT NULL,
    event_type       VARCHAR(60)              NOT NULL,
    payload          TEXT                     NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    attempts         INT                      NOT NULL,
    last_status_code INT,
    last_error       VARCHAR(200),
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX webhook_delivery_event_uq ON webhook_delivery (endpoint_id, referral_id, referral_version, event_type);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC);
COMMENT ON TABLE webhook_delivery IS 'Webhook outbox and delivery log: one row per event and endpoint, sent in referral version order';
COMMENT ON COLUMN webhook_delivery.payload IS 'The exact JSON body signed and sent: ids, codes and links only';
COMMENT ON COLUMN webhook_delivery.status IS 'PENDING until a 2xx answer (DELIVERED) or the maximum attempts (FAILED)';
COMMENT ON COLUMN webhook_delivery.last_status_code IS 'HTTP status of the last attempt; null when no answer came (refused, timeout, blocked address)';
