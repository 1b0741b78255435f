-- Treatment alerts notify their officers and, escalated, the supervisor (ADR 0018, 0020): a
-- notification is about a referral or about an alert, never both.
ALTER TABLE notification ALTER COLUMN referral_id DROP NOT NULL;
ALTER TABLE notification ALTER COLUMN referral_version DROP NOT NULL;
ALTER TABLE notification ADD COLUMN alert_id UUID;
ALTER TABLE notification ADD CONSTRAINT notification_subject_check
    CHECK ((referral_id IS NULL) <> (alert_id IS NULL) AND (referral_id IS NULL) = (referral_version IS NULL));
-- A republished alert notice adds nothing twice.
CREATE UNIQUE INDEX notification_alert_uq ON notification (user_id, alert_id, change) WHERE alert_id IS NOT NULL;
COMMENT ON COLUMN notification.alert_id IS 'The treatment alert (care_alert) the notification is about, for TREATMENT_ALERTS; null for a referral change. The notification names no rule: the alerts pages show it as far as the consent allows';
COMMENT ON COLUMN notification.change IS 'The ReferralChanged.Change code, or ALERT_RAISED / ALERT_ESCALATED; the sentence shown comes from the message bundle';
