-- Consent: the register of 42 CFR Part 2 programs, consent directives with every element of
-- §2.31 (and the criminal-justice consents of §2.35), the agencies' templates, paper scans, the
-- record of disclosures for the accounting of §2.25, and medical-emergency (break-glass) grants.

CREATE TABLE consent_part2_program (
    organization_id UUID PRIMARY KEY REFERENCES identity_organization (id),
    marked_by       VARCHAR(200)             NOT NULL,
    marked_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consent_template (
    id              UUID PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    name            VARCHAR(200)             NOT NULL,
    terms           JSONB                    NOT NULL,
    created_by      VARCHAR(200)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL
);
CREATE INDEX consent_template_organization_idx ON consent_template (organization_id);

CREATE TABLE consent_directive (
    id                         UUID PRIMARY KEY,
    person_id                  UUID                     NOT NULL REFERENCES supervision_person (id),
    organization_id            UUID                     NOT NULL REFERENCES identity_organization (id),
    kind                       VARCHAR(20)              NOT NULL,
    discloser_class            VARCHAR(40),
    discloser_ids              UUID[]                   NOT NULL,
    all_categories             BOOLEAN                  NOT NULL,
    categories                 VARCHAR(40)[]            NOT NULL,
    recipient_class            VARCHAR(40),
    recipient_organization_ids UUID[]                   NOT NULL,
    recipient_user_ids         UUID[]                   NOT NULL,
    purposes                   VARCHAR(40)[]            NOT NULL,
    expires_on                 DATE,
    expiry_event               VARCHAR(40),
    irrevocable_until          DATE,
    irrevocable_until_event    VARCHAR(40),
    revocation_instructions    VARCHAR(1000)            NOT NULL,
    signed_on                  DATE                     NOT NULL,
    signature_method           VARCHAR(20)              NOT NULL,
    typed_name                 VARCHAR(200),
    attested_by                VARCHAR(200),
    language                   VARCHAR(2)               NOT NULL,
    template_id                UUID REFERENCES consent_template (id) ON DELETE SET NULL,
    recorded_by                VARCHAR(200)             NOT NULL,
    recorded_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at                 TIMESTAMP WITH TIME ZONE,
    revoked_by                 VARCHAR(200),
    revocation_method          VARCHAR(20),
    superseded_by              UUID REFERENCES consent_directive (id),
    superseded_at              TIMESTAMP WITH TIME ZONE,
    version                    BIGINT                   NOT NULL,
    CONSTRAINT consent_directive_kind_check CHECK (kind IN ('GENERAL', 'CRIMINAL_JUSTICE')),
    CONSTRAINT consent_directive_language_check CHECK (language IN ('en', 'es')),
    CONSTRAINT consent_directive_signature_check CHECK (
        (signature_method = 'ELECTRONIC' AND typed_name IS NOT NULL AND attested_by IS NOT NULL)
        OR signature_method = 'PAPER'),
    CONSTRAINT consent_directive_expiry_check CHECK (expires_on IS NOT NULL OR expiry_event IS NOT NULL),
    CONSTRAINT consent_directive_revocation_check CHECK (
        (revoked_at IS NULL AND revoked_by IS NULL AND revocation_method IS NULL)
        OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revocation_method IS NOT NULL))
);
CREATE INDEX consent_directive_person_idx ON consent_directive (person_id);

CREATE TABLE consent_directive_scan (
    directive_id UUID PRIMARY KEY REFERENCES consent_directive (id),
    content_type VARCHAR(40)              NOT NULL,
    content      BYTEA                    NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consent_emergency_grant (
    id              UUID PRIMARY KEY,
    person_id       UUID                     NOT NULL REFERENCES supervision_person (id),
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    granted_to      VARCHAR(200)             NOT NULL,
    reason          VARCHAR(1000)            NOT NULL,
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at     TIMESTAMP WITH TIME ZONE,
    reviewed_by     VARCHAR(200),
    review_note     VARCHAR(1000),
    version         BIGINT                   NOT NULL,
    CONSTRAINT consent_emergency_grant_period_check CHECK (expires_at > granted_at)
);
CREATE INDEX consent_emergency_grant_person_idx ON consent_emergency_grant (person_id, expires_at);
CREATE INDEX consent_emergency_grant_review_idx ON consent_emergency_grant (organization_id)
    WHERE reviewed_at IS NULL;

CREATE TABLE consent_disclosure (
    id                        UUID PRIMARY KEY,
    person_id                 UUID                     NOT NULL REFERENCES supervision_person (id),
    discloser_id              UUID                     NOT NULL,
    recipient_organization_id UUID                     NOT NULL,
    recipient_user_id         UUID,
    disclosed_by              VARCHAR(200)             NOT NULL,
    category                  VARCHAR(40)              NOT NULL,
    purpose                   VARCHAR(40)              NOT NULL,
    sensitivity               VARCHAR(20)              NOT NULL,
    directive_id              UUID REFERENCES consent_directive (id),
    emergency_grant_id        UUID REFERENCES consent_emergency_grant (id),
    records                   VARCHAR(200)             NOT NULL,
    disclosed_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consent_disclosure_basis_check CHECK (
        (directive_id IS NOT NULL) <> (emergency_grant_id IS NOT NULL))
);
CREATE INDEX consent_disclosure_person_idx ON consent_disclosure (person_id, disclosed_at);

COMMENT ON TABLE consent_part2_program IS 'Organizations marked by a network administrator as 42 CFR Part 2 programs: everything they disclose is Part 2 data.';
COMMENT ON TABLE consent_template IS 'An agency''s template for its common consents: the terms a new directive can start from.';
COMMENT ON COLUMN consent_template.terms IS 'The directive terms as JSON: kind, disclosers, categories, recipients, purposes, expiry, revocation.';
COMMENT ON TABLE consent_directive IS 'A consent directive of a person on supervision with every element of 42 CFR Part 2 §2.31; kept by the supervising agency (organization_id).';
COMMENT ON COLUMN consent_directive.kind IS 'GENERAL, or CRIMINAL_JUSTICE (§2.35): limited to those who monitor the person, may be irrevocable until a date or event.';
COMMENT ON COLUMN consent_directive.discloser_class IS 'A class of disclosers (ANY_PART_2_PROGRAM) in addition to the named discloser_ids.';
COMMENT ON COLUMN consent_directive.all_categories IS 'Whether the directive covers all of the person''s records; categories then lists every category.';
COMMENT ON COLUMN consent_directive.recipient_class IS 'A class of recipients: TREATMENT_PAYMENT_OPERATIONS, or MONITORING (staff who see the person: the supervising agency and court on the case).';
COMMENT ON COLUMN consent_directive.expires_on IS 'First day the directive no longer permits anything (exclusive end); null when only an event ends it.';
COMMENT ON COLUMN consent_directive.expiry_event IS 'END_OF_SUPERVISION or END_OF_TREATMENT: the directive ends on the day the event happened, decided at decision time.';
COMMENT ON COLUMN consent_directive.irrevocable_until IS 'Criminal-justice consents: revocation is refused before this day.';
COMMENT ON COLUMN consent_directive.irrevocable_until_event IS 'Criminal-justice consents: revocation is refused before this event happened.';
COMMENT ON COLUMN consent_directive.attested_by IS 'Actor reference of the staff member who attested the electronic signature with the person present.';
COMMENT ON COLUMN consent_directive.recorded_by IS 'Actor reference (user or API token) of who recorded the directive.';
COMMENT ON COLUMN consent_directive.revocation_method IS 'How the person revoked: IN_PERSON, IN_WRITING or ORALLY.';
COMMENT ON COLUMN consent_directive.superseded_by IS 'The directive that amended this one: this one no longer permits anything from superseded_at.';
COMMENT ON TABLE consent_directive_scan IS 'The uploaded scan of a paper-signed directive (PDF, PNG or JPEG).';
COMMENT ON TABLE consent_emergency_grant IS 'Medical-emergency (break-glass) access of a recipient organization to a person''s protected data: time-limited, with a reason, reviewed by that organization''s administrators.';
COMMENT ON COLUMN consent_emergency_grant.granted_to IS 'Actor reference of who invoked the emergency access.';
COMMENT ON TABLE consent_disclosure IS 'Every permitted disclosure of health or Part 2 data, for the accounting of disclosures (§2.25); written in the disclosing transaction.';
COMMENT ON COLUMN consent_disclosure.disclosed_by IS 'Actor reference of the recipient the data was shown or sent to.';
COMMENT ON COLUMN consent_disclosure.records IS 'What was disclosed in a few words, ids and counts only, no protected content.';
