-- Care records (ADR 0019): treatment episodes opened from accepted referrals; the provider's
-- appointments with their change history and attendance; the treatment plan in revisions with its
-- goals; progress reports; drug and alcohol tests; the discharge summary. Every record carries the
-- sensitivity of the provider's information when it was written, and is shown to the supervising
-- agency only as the consent engine permits.

ALTER TABLE care_episode ADD COLUMN referral_id UUID REFERENCES referral (id);
ALTER TABLE care_episode ADD CONSTRAINT care_episode_referral_unique UNIQUE (referral_id);
COMMENT ON COLUMN care_episode.referral_id IS 'The accepted referral the episode was opened from; null for an episode the agency recorded itself. At most one episode per referral.';

-- A missed test is a result of its own (the person did not come to give a specimen).
ALTER TABLE care_report DROP CONSTRAINT care_report_result_check;
ALTER TABLE care_report ADD CONSTRAINT care_report_result_check CHECK (drug_test_result IS NULL OR drug_test_result IN ('NEGATIVE', 'POSITIVE', 'DILUTE', 'REFUSED', 'INVALID', 'MISSED'));

CREATE TABLE care_appointment (
    id                UUID PRIMARY KEY,
    episode_id        UUID                     NOT NULL REFERENCES care_episode (id),
    person_id         UUID                     NOT NULL REFERENCES supervision_person (id),
    provider_id       UUID                     NOT NULL REFERENCES identity_organization (id),
    kind              VARCHAR(20)              NOT NULL,
    mode              VARCHAR(20)              NOT NULL,
    starts_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes  INTEGER                  NOT NULL,
    location          VARCHAR(300),
    note_for_person   VARCHAR(1000),
    status            VARCHAR(20)              NOT NULL,
    external_id       VARCHAR(100),
    sensitivity       VARCHAR(20)              NOT NULL,
    scheduled_by      VARCHAR(60)              NOT NULL,
    scheduled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT care_appointment_kind_check CHECK (kind IN ('INTAKE', 'INDIVIDUAL', 'GROUP')),
    CONSTRAINT care_appointment_mode_check CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
    CONSTRAINT care_appointment_status_check CHECK (status IN ('SCHEDULED', 'CANCELLED', 'HELD')),
    CONSTRAINT care_appointment_duration_check CHECK (duration_minutes BETWEEN 5 AND 720),
    CONSTRAINT care_appointment_sensitivity_check CHECK (sensitivity IN ('ORDINARY', 'HEALTH', 'PART_2')),
    CONSTRAINT care_appointment_external_unique UNIQUE (provider_id, external_id)
);
CREATE INDEX care_appointment_episode_idx ON care_appointment (episode_id, starts_at);
CREATE INDEX care_appointment_person_idx ON care_appointment (person_id, starts_at);
CREATE INDEX care_appointment_provider_idx ON care_appointment (provider_id, starts_at);

COMMENT ON TABLE care_appointment IS 'An appointment (intake, individual or group session) of a treatment episode at its provider: scheduled, then held (with attendance) or cancelled. Attendance information (consent category ATTENDANCE).';
COMMENT ON COLUMN care_appointment.person_id IS 'The episode''s person, repeated so that a person''s appointments are read without the episode.';
COMMENT ON COLUMN care_appointment.provider_id IS 'The episode''s provider, repeated: the discloser, and the scope of external_id.';
COMMENT ON COLUMN care_appointment.location IS 'Where the person goes (or the phone/video detail) as the provider tells it to the person.';
COMMENT ON COLUMN care_appointment.note_for_person IS 'What the person should know or bring; shown to the person, never a clinical note.';
COMMENT ON COLUMN care_appointment.status IS 'SCHEDULED until attendance is recorded (HELD) or it is cancelled (CANCELLED, also when attendance says the provider cancelled).';
COMMENT ON COLUMN care_appointment.external_id IS 'The provider''s own id of the appointment (partner systems, bulk uploads): unique per provider, makes their writes idempotent.';
COMMENT ON COLUMN care_appointment.sensitivity IS 'The sensitivity of the provider''s information when the appointment was scheduled (Part 2 for a 42 CFR Part 2 program, else health).';
COMMENT ON COLUMN care_appointment.scheduled_by IS 'Actor reference of who scheduled it.';
COMMENT ON COLUMN care_appointment.version IS 'Optimistic lock: a change quotes the version it read.';

CREATE TABLE care_appointment_change (
    appointment_id  UUID                     NOT NULL REFERENCES care_appointment (id) ON DELETE CASCADE,
    position        INTEGER                  NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    requested_by    VARCHAR(20)              NOT NULL,
    reason          VARCHAR(500)             NOT NULL,
    old_starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    new_starts_at   TIMESTAMP WITH TIME ZONE,
    changed_by      VARCHAR(60)              NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (appointment_id, position),
    CONSTRAINT care_appointment_change_kind_check CHECK (kind IN ('RESCHEDULED', 'CANCELLED')),
    CONSTRAINT care_appointment_change_party_check CHECK (requested_by IN ('PERSON', 'PROVIDER', 'OFFICER')),
    CONSTRAINT care_appointment_change_new_check CHECK ((kind = 'RESCHEDULED') = (new_starts_at IS NOT NULL))
);

COMMENT ON TABLE care_appointment_change IS 'The history of an appointment: each reschedule (old and new time) and its cancellation, who asked for it and why.';
COMMENT ON COLUMN care_appointment_change.requested_by IS 'Which party asked for the change: the person, the provider or the officer.';
COMMENT ON COLUMN care_appointment_change.changed_by IS 'Actor reference of who recorded the change.';

CREATE TABLE care_attendance (
    appointment_id  UUID PRIMARY KEY REFERENCES care_appointment (id) ON DELETE CASCADE,
    outcome         VARCHAR(30)              NOT NULL,
    reason          VARCHAR(500),
    session_note    VARCHAR(4000),
    feedback        VARCHAR(500),
    concerns        VARCHAR(100)             NOT NULL DEFAULT '',
    recorded_by     VARCHAR(60)              NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT care_attendance_outcome_check CHECK (outcome IN ('ATTENDED', 'LATE', 'NO_SHOW_EXCUSED', 'NO_SHOW_UNEXCUSED', 'CANCELLED_BY_PROVIDER')),
    CONSTRAINT care_attendance_reason_check CHECK (outcome IN ('ATTENDED', 'LATE') OR reason IS NOT NULL)
);

COMMENT ON TABLE care_attendance IS 'Whether the person attended an appointment (one per appointment), recorded by the provider once the appointment''s time came.';
COMMENT ON COLUMN care_attendance.reason IS 'Why the person did not come or the provider cancelled; required for no-shows and provider cancellations.';
COMMENT ON COLUMN care_attendance.session_note IS 'The provider''s own note of the session: provider-only, never shown to the agency or any other party.';
COMMENT ON COLUMN care_attendance.feedback IS 'Short feedback for the supervising officer (at most 500 characters), shown only as the consent engine permits.';
COMMENT ON COLUMN care_attendance.concerns IS 'Comma-separated concern flags (RISK, RELAPSE, BEHAVIOUR) for the officer; a flag alerts the officer at once (CareSignal CONCERN_FLAGGED).';

CREATE TABLE care_treatment_plan (
    id                UUID PRIMARY KEY,
    episode_id        UUID                     NOT NULL REFERENCES care_episode (id),
    person_id         UUID                     NOT NULL REFERENCES supervision_person (id),
    provider_id       UUID                     NOT NULL REFERENCES identity_organization (id),
    revision          INTEGER                  NOT NULL,
    level_of_care     VARCHAR(20)              NOT NULL,
    planned_sessions  INTEGER                  NOT NULL,
    effective_on      DATE                     NOT NULL,
    sensitivity       VARCHAR(20)              NOT NULL,
    recorded_by       VARCHAR(60)              NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT care_treatment_plan_revision_unique UNIQUE (episode_id, revision),
    CONSTRAINT care_treatment_plan_revision_check CHECK (revision >= 1),
    CONSTRAINT care_treatment_plan_level_check CHECK (level_of_care IN ('ASAM_0_5', 'ASAM_1', 'ASAM_2_1', 'ASAM_2_5', 'ASAM_3_1', 'ASAM_3_3', 'ASAM_3_5', 'ASAM_3_7', 'ASAM_4')),
    CONSTRAINT care_treatment_plan_sessions_check CHECK (planned_sessions BETWEEN 0 AND 1000),
    CONSTRAINT care_treatment_plan_sensitivity_check CHECK (sensitivity IN ('ORDINARY', 'HEALTH', 'PART_2'))
);

COMMENT ON TABLE care_treatment_plan IS 'A revision of the treatment plan summary of an episode: the latest revision is the plan, earlier ones its history (never changed). Consent category TREATMENT_PLAN.';
COMMENT ON COLUMN care_treatment_plan.revision IS '1 for the first plan, then one more per revision; a revision quotes the one it revises (a stale one is refused).';
COMMENT ON COLUMN care_treatment_plan.level_of_care IS 'The ASAM Criteria level of care (0.5 early intervention to 4 medically managed intensive inpatient).';
COMMENT ON COLUMN care_treatment_plan.planned_sessions IS 'How many sessions the plan foresees.';

CREATE TABLE care_treatment_plan_goal (
    plan_id      UUID          NOT NULL REFERENCES care_treatment_plan (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    goal_id      UUID          NOT NULL,
    description  VARCHAR(300)  NOT NULL,
    PRIMARY KEY (plan_id, position),
    CONSTRAINT care_treatment_plan_goal_unique UNIQUE (plan_id, goal_id)
);

COMMENT ON TABLE care_treatment_plan_goal IS 'A goal of a treatment plan revision; a goal keeps its goal_id across revisions, so progress and discharge outcomes refer to it.';

CREATE TABLE care_progress_report (
    id             UUID PRIMARY KEY,
    episode_id     UUID                     NOT NULL REFERENCES care_episode (id),
    person_id      UUID                     NOT NULL REFERENCES supervision_person (id),
    provider_id    UUID                     NOT NULL REFERENCES identity_organization (id),
    period_from    DATE                     NOT NULL,
    period_to      DATE                     NOT NULL,
    engagement     VARCHAR(20)              NOT NULL,
    summary        VARCHAR(2000)            NOT NULL,
    plan_revision  INTEGER,
    sensitivity    VARCHAR(20)              NOT NULL,
    reported_by    VARCHAR(60)              NOT NULL,
    reported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    CONSTRAINT care_progress_report_period_check CHECK (period_to >= period_from),
    CONSTRAINT care_progress_report_engagement_check CHECK (engagement IN ('ENGAGED', 'PARTIAL', 'NOT_ENGAGED')),
    CONSTRAINT care_progress_report_sensitivity_check CHECK (sensitivity IN ('ORDINARY', 'HEALTH', 'PART_2'))
);
CREATE INDEX care_progress_report_episode_idx ON care_progress_report (episode_id, period_to DESC);
CREATE INDEX care_progress_report_person_idx ON care_progress_report (person_id, period_to DESC);

COMMENT ON TABLE care_progress_report IS 'A provider''s progress report on an episode for a period: engagement, progress per plan goal, summary. Consent category PROGRESS.';
COMMENT ON COLUMN care_progress_report.plan_revision IS 'The plan revision whose goals the report rates; null when there was no plan.';

CREATE TABLE care_progress_goal (
    report_id  UUID         NOT NULL REFERENCES care_progress_report (id) ON DELETE CASCADE,
    position   INTEGER      NOT NULL,
    goal_id    UUID         NOT NULL,
    progress   VARCHAR(20)  NOT NULL,
    PRIMARY KEY (report_id, position),
    CONSTRAINT care_progress_goal_progress_check CHECK (progress IN ('IMPROVING', 'STABLE', 'WORSENING', 'ACHIEVED'))
);

COMMENT ON TABLE care_progress_goal IS 'Progress toward one goal of the episode''s plan in a progress report.';

CREATE TABLE care_drug_test (
    id                 UUID PRIMARY KEY,
    episode_id         UUID                     NOT NULL REFERENCES care_episode (id),
    person_id          UUID                     NOT NULL REFERENCES supervision_person (id),
    provider_id        UUID                     NOT NULL REFERENCES identity_organization (id),
    collected_on       DATE                     NOT NULL,
    panel              VARCHAR(20)              NOT NULL,
    method             VARCHAR(20)              NOT NULL,
    specimen_id        VARCHAR(60),
    substances_tested  VARCHAR(300)             NOT NULL DEFAULT '',
    substances_found   VARCHAR(300)             NOT NULL DEFAULT '',
    result             VARCHAR(20)              NOT NULL,
    confirmation       VARCHAR(20)              NOT NULL,
    external_id        VARCHAR(100),
    sensitivity        VARCHAR(20)              NOT NULL,
    reported_by        VARCHAR(60)              NOT NULL,
    reported_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT care_drug_test_panel_check CHECK (panel IN ('FIVE_PANEL', 'TEN_PANEL', 'TWELVE_PANEL', 'ALCOHOL_ETG', 'CUSTOM')),
    CONSTRAINT care_drug_test_method_check CHECK (method IN ('URINE', 'ORAL_FLUID', 'BREATH', 'BLOOD', 'HAIR', 'SWEAT_PATCH')),
    CONSTRAINT care_drug_test_result_check CHECK (result IN ('NEGATIVE', 'POSITIVE', 'DILUTE', 'REFUSED', 'INVALID', 'MISSED')),
    CONSTRAINT care_drug_test_specimen_check CHECK (result IN ('REFUSED', 'MISSED') OR specimen_id IS NOT NULL),
    CONSTRAINT care_drug_test_confirmation_check CHECK (confirmation IN ('NOT_SENT', 'PENDING', 'CONFIRMED', 'NOT_CONFIRMED')),
    CONSTRAINT care_drug_test_sensitivity_check CHECK (sensitivity IN ('ORDINARY', 'HEALTH', 'PART_2')),
    CONSTRAINT care_drug_test_external_unique UNIQUE (provider_id, external_id)
);
CREATE INDEX care_drug_test_episode_idx ON care_drug_test (episode_id, collected_on DESC);
CREATE INDEX care_drug_test_person_idx ON care_drug_test (person_id, collected_on DESC);

COMMENT ON TABLE care_drug_test IS 'A drug or alcohol test of the person in an episode. Consent category DRUG_TEST_RESULTS.';
COMMENT ON COLUMN care_drug_test.panel IS 'What was tested for: a 5-, 10- or 12-panel screen, an alcohol (EtG) test, or a custom set (substances_tested).';
COMMENT ON COLUMN care_drug_test.specimen_id IS 'The laboratory''s specimen id; required unless the person refused or missed the test.';
COMMENT ON COLUMN care_drug_test.substances_tested IS 'Comma-separated Substance codes tested for.';
COMMENT ON COLUMN care_drug_test.substances_found IS 'Comma-separated Substance codes found (for a positive result).';
COMMENT ON COLUMN care_drug_test.confirmation IS 'Whether a laboratory confirmation of the result was asked for and what it said.';
COMMENT ON COLUMN care_drug_test.external_id IS 'The provider''s own id of the test (partner systems, bulk uploads): unique per provider.';

CREATE TABLE care_discharge (
    id             UUID PRIMARY KEY,
    episode_id     UUID                     NOT NULL REFERENCES care_episode (id),
    person_id      UUID                     NOT NULL REFERENCES supervision_person (id),
    provider_id    UUID                     NOT NULL REFERENCES identity_organization (id),
    discharged_on  DATE                     NOT NULL,
    reason         VARCHAR(40)              NOT NULL,
    summary        VARCHAR(2000)            NOT NULL,
    plan_revision  INTEGER,
    sensitivity    VARCHAR(20)              NOT NULL,
    recorded_by    VARCHAR(60)              NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    CONSTRAINT care_discharge_episode_unique UNIQUE (episode_id),
    CONSTRAINT care_discharge_reason_check CHECK (reason IN ('COMPLETED', 'LEFT_AGAINST_ADVICE', 'NON_ATTENDANCE', 'TRANSFERRED', 'OTHER')),
    CONSTRAINT care_discharge_sensitivity_check CHECK (sensitivity IN ('ORDINARY', 'HEALTH', 'PART_2'))
);
CREATE INDEX care_discharge_person_idx ON care_discharge (person_id);

COMMENT ON TABLE care_discharge IS 'The discharge summary that ended an episode (the episode''s end day and reason are the same): outcome per plan goal and a summary. Consent category DISCHARGE_SUMMARY.';

CREATE TABLE care_discharge_goal (
    discharge_id  UUID         NOT NULL REFERENCES care_discharge (id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,
    goal_id       UUID         NOT NULL,
    outcome       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (discharge_id, position),
    CONSTRAINT care_discharge_goal_outcome_check CHECK (outcome IN ('ACHIEVED', 'PARTLY', 'NOT_ACHIEVED'))
);

COMMENT ON TABLE care_discharge_goal IS 'The outcome of one goal of the episode''s plan at discharge.';
