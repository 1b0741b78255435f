-- Care: alerts to the supervising officer raised from what treatment providers record (no-shows,
-- positive or missed tests, concerns, discharge without completion, no attendance for days), the
-- rules each agency sets for them. Attendance is read from the care records (V22).

CREATE TABLE care_alert_rule (
    agency_id   UUID                     NOT NULL REFERENCES identity_organization (id),
    rule        VARCHAR(40)              NOT NULL,
    enabled     BOOLEAN                  NOT NULL,
    threshold   INT,
    updated_by  VARCHAR(60)              NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agency_id, rule),
    CONSTRAINT care_alert_rule_rule_check CHECK (rule IN ('NO_SHOWS_IN_A_ROW', 'NO_ATTENDANCE_DAYS', 'TEST_POSITIVE', 'TEST_MISSED_OR_REFUSED', 'CONCERN_FLAGGED', 'DISCHARGED_NOT_COMPLETED', 'ESCALATION_BUSINESS_DAYS')),
    CONSTRAINT care_alert_rule_threshold_check CHECK (threshold IS NULL OR threshold BETWEEN 1 AND 365)
);

CREATE TABLE care_alert_rule_version (
    agency_id   UUID   PRIMARY KEY REFERENCES identity_organization (id),
    version     BIGINT NOT NULL
);

CREATE TABLE care_alert (
    id               UUID PRIMARY KEY,
    person_id        UUID                     NOT NULL REFERENCES supervision_person (id),
    agency_id        UUID                     NOT NULL REFERENCES identity_organization (id),
    provider_id      UUID                     NOT NULL REFERENCES identity_organization (id),
    episode_id       UUID                     NOT NULL REFERENCES care_episode (id),
    rule             VARCHAR(40)              NOT NULL,
    trigger_key      VARCHAR(80)              NOT NULL,
    trigger_ids      UUID[]                   NOT NULL,
    category         VARCHAR(30)              NOT NULL,
    sensitivity      VARCHAR(20)              NOT NULL,
    day              DATE                     NOT NULL,
    officer_ids      UUID[]                   NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    escalate_at      TIMESTAMP WITH TIME ZONE,
    state            VARCHAR(20)              NOT NULL,
    escalated_at     TIMESTAMP WITH TIME ZONE,
    escalated_to     UUID REFERENCES identity_user (id),
    acknowledged_by  VARCHAR(60),
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    action           VARCHAR(30),
    note             VARCHAR(2000),
    version          BIGINT                   NOT NULL,
    CONSTRAINT care_alert_state_check CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'ESCALATED')),
    CONSTRAINT care_alert_action_check CHECK (action IS NULL OR action IN ('CONTACTED_PERSON', 'CONTACTED_PROVIDER', 'SCHEDULED_OFFICE_VISIT', 'CASE_CONFERENCE', 'VIOLATION_FILED', 'NO_ACTION_NEEDED')),
    CONSTRAINT care_alert_acknowledged_check CHECK ((state = 'ACKNOWLEDGED') = (acknowledged_at IS NOT NULL AND action IS NOT NULL))
);
-- One alert per rule and trigger, whatever its state: a redelivered signal raises nothing new.
CREATE UNIQUE INDEX care_alert_trigger_idx ON care_alert (person_id, rule, trigger_key);
CREATE INDEX care_alert_open_idx ON care_alert (agency_id, person_id) WHERE state <> 'ACKNOWLEDGED';
CREATE INDEX care_alert_escalate_idx ON care_alert (escalate_at) WHERE state = 'OPEN';


COMMENT ON TABLE care_alert_rule IS 'An agency''s settings of one alert rule, where they differ from the defaults of ADR 0020: whether it is on and its threshold.';
COMMENT ON COLUMN care_alert_rule.threshold IS 'No-shows in a row (NO_SHOWS_IN_A_ROW), days without attendance (NO_ATTENDANCE_DAYS) or business days before an unacknowledged alert goes to the supervisor (ESCALATION_BUSINESS_DAYS); null for rules without one.';
COMMENT ON TABLE care_alert_rule_version IS 'The version of an agency''s alert rules, for optimistic locking of the settings as a whole.';
COMMENT ON TABLE care_alert IS 'An alert to the officers who supervise a person, raised by a rule from what a treatment provider recorded. It holds ids and codes only; what it reveals is shown only as far as the consent engine permits.';
COMMENT ON COLUMN care_alert.trigger_key IS 'What raised the alert, unique per person and rule: the triggering record''s id, or the first no-show of a run of no-shows, or the episode and the last attended day for days without attendance.';
COMMENT ON COLUMN care_alert.trigger_ids IS 'The ids of the provider''s records that raised the alert (appointments, tests, concerns, the episode).';
COMMENT ON COLUMN care_alert.category IS 'The consent category the alert reveals (ATTENDANCE, DRUG_TEST_RESULTS, PROGRESS, DISCHARGE_SUMMARY), asked of the consent engine before its rule is shown.';
COMMENT ON COLUMN care_alert.sensitivity IS 'The sensitivity of the provider''s information when the alert was raised (PART_2 for a Part 2 program).';
COMMENT ON COLUMN care_alert.officer_ids IS 'The officers of the person''s open cases when the alert was raised.';
COMMENT ON COLUMN care_alert.escalate_at IS 'When an alert still open goes to the officer''s supervisor: the agency''s business days after it was raised; null when the agency switched escalation off.';
COMMENT ON COLUMN care_alert.escalated_to IS 'The supervisor of the (first) officer when the alert was escalated; null when the officer has none.';
COMMENT ON COLUMN care_alert.acknowledged_by IS 'Actor reference of who acknowledged the alert.';
COMMENT ON COLUMN care_alert.note IS 'The acknowledging officer''s note on the action taken: the agency''s own record, never shown outside it.';
