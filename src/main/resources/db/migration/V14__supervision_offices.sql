-- Offices of a supervising agency, the home office of its staff, and the office of every case
-- (ADR 0013).

CREATE TABLE supervision_office (
    id              UUID PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    name            VARCHAR(120)             NOT NULL,
    line1           VARCHAR(200),
    line2           VARCHAR(200),
    city            VARCHAR(100),
    state           VARCHAR(2),
    postal_code     VARCHAR(10),
    phone           VARCHAR(30),
    active          BOOLEAN                  NOT NULL,
    main            BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT supervision_office_main_active_check CHECK (active OR NOT main)
);
CREATE UNIQUE INDEX supervision_office_name_uq ON supervision_office (organization_id, lower(name));
CREATE UNIQUE INDEX supervision_office_main_uq ON supervision_office (organization_id) WHERE main;

CREATE TABLE supervision_office_member (
    user_id         UUID PRIMARY KEY REFERENCES identity_user (id),
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    office_id       UUID                     NOT NULL REFERENCES supervision_office (id),
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by     VARCHAR(60)              NOT NULL
);
CREATE INDEX supervision_office_member_office_idx ON supervision_office_member (office_id);

-- Every agency that already has cases gets its main office, and its cases move there.
INSERT INTO supervision_office (id, organization_id, name, active, main, created_at, updated_at, version)
SELECT gen_random_uuid(), o.id, 'Main office', TRUE, TRUE, now(), now(), 0
FROM identity_organization o
WHERE EXISTS (SELECT 1 FROM supervision_case c WHERE c.organization_id = o.id);

ALTER TABLE supervision_case ADD COLUMN office_id UUID REFERENCES supervision_office (id);
UPDATE supervision_case c SET office_id = f.id
FROM supervision_office f WHERE f.organization_id = c.organization_id AND f.main;
ALTER TABLE supervision_case ALTER COLUMN office_id SET NOT NULL;
CREATE INDEX supervision_case_office_idx ON supervision_case (office_id, status);

ALTER TABLE supervision_case_assignment ADD COLUMN office_id UUID;
UPDATE supervision_case_assignment a SET office_id = c.office_id
FROM supervision_case c WHERE c.id = a.case_id;
ALTER TABLE supervision_case_assignment ALTER COLUMN office_id SET NOT NULL;

COMMENT ON TABLE supervision_office IS 'An office of a supervising agency, kept by its administrators (ADR 0013). Every case is supervised from one office.';
COMMENT ON COLUMN supervision_office.state IS 'Two-letter USPS state or territory code of the office''s address.';
COMMENT ON COLUMN supervision_office.active IS 'An inactive office takes no cases, transfers or staff; it keeps its history.';
COMMENT ON COLUMN supervision_office.main IS 'The agency''s main office: home of staff without an office row and of cases migrated from before offices; it stays active.';
COMMENT ON TABLE supervision_office_member IS 'The home office of a staff member of the agency (officers and supervisors); without a row, the main office.';
COMMENT ON COLUMN supervision_office_member.assigned_by IS 'Actor reference (user:<uuid> or token:<uuid>) of who set the home office.';
COMMENT ON COLUMN supervision_case.office_id IS 'The office the case is supervised from now: the home office of its officer when assigned.';
COMMENT ON COLUMN supervision_case_assignment.office_id IS 'The office the case moved to with this assignment; the previous row names where it came from.';
