-- The community resource directory: HSDS 3.0 records, Bridgeway's service profiles (need domains,
-- structured eligibility, cost) and live capacity with its history.

-- Trusted extensions (PostgreSQL 13+): a database owner can create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE TABLE directory_record (
    id              UUID        PRIMARY KEY,
    resource_type   TEXT        NOT NULL,
    document        JSONB       NOT NULL,
    links           UUID[]      NOT NULL DEFAULT '{}',
    organization_id UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT directory_record_type_known CHECK (resource_type IN (
        'organization', 'program', 'service', 'location', 'service_at_location', 'address',
        'phone', 'contact', 'schedule', 'service_area', 'language', 'funding', 'cost_option',
        'required_document', 'accessibility', 'attribute', 'taxonomy', 'taxonomy_term',
        'organization_identifier', 'metadata', 'meta_table_description')),
    CONSTRAINT directory_record_document_is_object CHECK (jsonb_typeof(document) = 'object')
);

COMMENT ON TABLE directory_record IS
    'Every HSDS 3.0 object of the directory, one row each, in the flat (tabular) form of the HSDS CSV datapackage. Nested JSON is assembled from these rows; see ADR 0006.';
COMMENT ON COLUMN directory_record.id IS 'The HSDS id (a UUID), kept exactly as imported.';
COMMENT ON COLUMN directory_record.resource_type IS 'The HSDS object type, named as the HSDS schema names it (service, phone, ...).';
COMMENT ON COLUMN directory_record.document IS 'The object''s own fields as HSDS names them: scalars only, no nested arrays or objects.';
COMMENT ON COLUMN directory_record.links IS 'Every id the record points to (organization_id, service_id, location_id, contact_id, service_at_location_id, phone_id, program_id, link_id, resource_id, taxonomy_id, parent_id): the index that assembles nested documents.';
COMMENT ON COLUMN directory_record.organization_id IS 'The directory organization the record belongs to, for stewardship and filtered exports; null for taxonomies and shared terms.';

CREATE INDEX directory_record_links ON directory_record USING GIN (links);
CREATE INDEX directory_record_type_modified ON directory_record (resource_type, modified_at);
CREATE INDEX directory_record_organization ON directory_record (organization_id, resource_type);

-- Which network organization keeps a directory organization's listing current.
CREATE TABLE directory_steward (
    directory_organization_id UUID PRIMARY KEY REFERENCES directory_record (id) ON DELETE CASCADE,
    network_organization_id   UUID NOT NULL REFERENCES identity_organization (id),
    linked_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_by                 TEXT NOT NULL
);

COMMENT ON TABLE directory_steward IS
    'Links a directory (HSDS) organization to the network organization whose provider staff maintain its listing.';
CREATE INDEX directory_steward_network ON directory_steward (network_organization_id);

-- What HSDS does not say: need domains served, structured eligibility, unit cost.
CREATE TABLE directory_service_profile (
    service_id               UUID        PRIMARY KEY REFERENCES directory_record (id) ON DELETE CASCADE,
    need_domains             TEXT[]      NOT NULL DEFAULT '{}',
    minimum_age              INTEGER,
    maximum_age              INTEGER,
    genders                  TEXT[]      NOT NULL DEFAULT '{}',
    supervision_types        TEXT[]      NOT NULL DEFAULT '{}',
    supervision_levels       TEXT[]      NOT NULL DEFAULT '{}',
    excluded_offenses        TEXT[]      NOT NULL DEFAULT '{}',
    insurance_accepted       TEXT[]      NOT NULL DEFAULT '{}',
    residency_postcodes      TEXT[]      NOT NULL DEFAULT '{}',
    languages                TEXT[]      NOT NULL DEFAULT '{}',
    accessibility            TEXT[]      NOT NULL DEFAULT '{}',
    cost_kind                TEXT,
    unit_cost                NUMERIC(12, 2),
    cost_unit                TEXT,
    version                  INTEGER     NOT NULL DEFAULT 0,
    modified_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT profile_age_range CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
    CONSTRAINT profile_age_bounds CHECK ((minimum_age IS NULL OR minimum_age BETWEEN 0 AND 120) AND (maximum_age IS NULL OR maximum_age BETWEEN 0 AND 120)),
    CONSTRAINT profile_cost_nonnegative CHECK (unit_cost IS NULL OR unit_cost >= 0)
);

COMMENT ON TABLE directory_service_profile IS
    'Bridgeway''s extensions of an HSDS service: need domains served, structured eligibility and cost. Exported as HSDS attributes under the Bridgeway taxonomy.';
COMMENT ON COLUMN directory_service_profile.need_domains IS 'Need domains (NeedDomain codes) the service addresses.';
COMMENT ON COLUMN directory_service_profile.genders IS 'Genders accepted; empty means any.';
COMMENT ON COLUMN directory_service_profile.supervision_types IS 'Supervision types accepted (SupervisionType codes); empty means any.';
COMMENT ON COLUMN directory_service_profile.supervision_levels IS 'Supervision levels accepted (SupervisionLevel codes); empty means any.';
COMMENT ON COLUMN directory_service_profile.excluded_offenses IS 'Offense categories (OffenseCategory codes) the service will not take, such as sex offenses or arson.';
COMMENT ON COLUMN directory_service_profile.insurance_accepted IS 'Payment sources accepted (InsuranceCoverage codes); empty means not stated.';
COMMENT ON COLUMN directory_service_profile.residency_postcodes IS 'ZIP codes a person must live in to be served; empty means no residency rule.';
COMMENT ON COLUMN directory_service_profile.languages IS 'ISO 639 codes of languages the service is delivered in.';
COMMENT ON COLUMN directory_service_profile.accessibility IS 'Accessibility features (AccessibilityFeature codes).';
COMMENT ON COLUMN directory_service_profile.cost_kind IS 'FREE, SLIDING_SCALE, FIXED or INSURANCE: how a person pays.';
COMMENT ON COLUMN directory_service_profile.unit_cost IS 'What one unit of service costs the network, in US dollars.';
COMMENT ON COLUMN directory_service_profile.cost_unit IS 'The unit unit_cost is priced per (session, day, bed night, course).';
COMMENT ON COLUMN directory_service_profile.version IS 'Optimistic lock: an edit based on an older version is refused.';

-- Live capacity and its full history (kept for gap and outcome analysis).
CREATE TABLE directory_capacity (
    service_id          UUID        PRIMARY KEY REFERENCES directory_record (id) ON DELETE CASCADE,
    open_slots          INTEGER     NOT NULL,
    waitlist_length     INTEGER     NOT NULL,
    estimated_wait_days INTEGER,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          TEXT        NOT NULL,
    version             INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT capacity_nonnegative CHECK (open_slots >= 0 AND waitlist_length >= 0 AND (estimated_wait_days IS NULL OR estimated_wait_days >= 0))
);

COMMENT ON TABLE directory_capacity IS
    'The current capacity of a service: open slots, waitlist and estimated wait. Shown as stale after 7 days without an update.';
COMMENT ON COLUMN directory_capacity.updated_by IS 'The user (user:<id>) or API client that reported the figures.';

CREATE TABLE directory_capacity_history (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id          UUID        NOT NULL REFERENCES directory_record (id) ON DELETE CASCADE,
    open_slots          INTEGER     NOT NULL,
    waitlist_length     INTEGER     NOT NULL,
    estimated_wait_days INTEGER,
    reported_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_by         TEXT        NOT NULL
);

COMMENT ON TABLE directory_capacity_history IS
    'Every capacity report ever made, append-only, for utilization, gap and outcome analysis.';
CREATE INDEX directory_capacity_history_service ON directory_capacity_history (service_id, reported_at);
