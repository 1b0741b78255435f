-- Care: appointment reminders to the person. The phone, email, preferred method and quiet hours
-- stay on the person's record (supervision_person); care keeps what reminders add to them, and one
-- row per reminder with its delivery status.

CREATE TABLE care_reminder_preference (
    person_id           UUID PRIMARY KEY REFERENCES supervision_person (id),
    agency_id           UUID                     NOT NULL REFERENCES identity_organization (id),
    sms                 BOOLEAN                  NOT NULL,
    email               BOOLEAN                  NOT NULL,
    time_zone           VARCHAR(60)              NOT NULL,
    name_provider       BOOLEAN                  NOT NULL DEFAULT FALSE,
    sms_opted_out_at    TIMESTAMP WITH TIME ZONE,
    email_opted_out_at  TIMESTAMP WITH TIME ZONE,
    updated_by          VARCHAR(60)              NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL
);

COMMENT ON TABLE care_reminder_preference IS 'What a person told the agency about appointment reminders, beyond the contact details and quiet hours of their record: the channels, the time zone of the quiet hours, whether a reminder may name the provider, and opt-outs. Without a row, reminders follow the record''s preferred method (TEXT: SMS, EMAIL: email).';
COMMENT ON COLUMN care_reminder_preference.time_zone IS 'IANA time zone (America/Chicago) in which the person''s quiet hours are read.';
COMMENT ON COLUMN care_reminder_preference.name_provider IS 'Whether the person agreed that a reminder names the provider (a message may be read by others: naming a substance use program discloses treatment). Off by default.';
COMMENT ON COLUMN care_reminder_preference.sms_opted_out_at IS 'When the person opted out of SMS reminders (replied STOP, or told the agency); no SMS after it until they opt in again.';
COMMENT ON COLUMN care_reminder_preference.email_opted_out_at IS 'When the person opted out of email reminders.';

CREATE TABLE care_reminder (
    id                UUID PRIMARY KEY,
    appointment_id    UUID                     NOT NULL REFERENCES care_appointment (id),
    person_id         UUID                     NOT NULL REFERENCES supervision_person (id),
    channel           VARCHAR(10)              NOT NULL,
    lead_minutes      INTEGER                  NOT NULL,
    appointment_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(30)              NOT NULL,
    attempts          INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    reason            VARCHAR(300),
    reference         VARCHAR(200),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT care_reminder_channel_check CHECK (channel IN ('SMS', 'EMAIL')),
    CONSTRAINT care_reminder_status_check CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED_QUIET_HOURS', 'SKIPPED_OPTED_OUT', 'CANCELLED')),
    CONSTRAINT care_reminder_once UNIQUE (appointment_id, channel, lead_minutes, appointment_at)
);
CREATE INDEX care_reminder_due_idx ON care_reminder (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX care_reminder_person_idx ON care_reminder (person_id, created_at DESC);

COMMENT ON TABLE care_reminder IS 'One reminder of an appointment to the person by one channel, for one lead time (48 h, 2 h before) and one appointment time (a rescheduled appointment gets new reminders), with its delivery status.';
COMMENT ON COLUMN care_reminder.lead_minutes IS 'How long before the appointment the reminder is due, in minutes.';
COMMENT ON COLUMN care_reminder.appointment_at IS 'The appointment''s start when the reminder was queued: a reschedule leaves this reminder behind (CANCELLED at send time).';
COMMENT ON COLUMN care_reminder.due_at IS 'When it was due: the appointment''s start minus the lead; deferred to the end of the person''s quiet hours when it falls in them.';
COMMENT ON COLUMN care_reminder.status IS 'QUEUED, SENT (handed to the SMS gateway or mail server), DELIVERED (the gateway confirmed it), FAILED (with the reason, after the last attempt or a permanent refusal), SKIPPED_QUIET_HOURS (quiet hours last until the appointment), SKIPPED_OPTED_OUT, CANCELLED (the appointment was cancelled, moved or held).';
COMMENT ON COLUMN care_reminder.next_attempt_at IS 'When a queued reminder is next tried: due time, quiet-hours end, or the backoff after a failed attempt.';
COMMENT ON COLUMN care_reminder.reason IS 'Why it failed or was skipped, in words without personal data.';
COMMENT ON COLUMN care_reminder.reference IS 'The SMS gateway''s id of the message, when it gives one.';
