-- The public Open Referral HSDS API (/hsds): helpers and indexes for its filters, which query
-- directory_record, directory_service_profile and directory_capacity directly (its choices are
-- documented in the package-info of org.bridgeway.directory.openreferral).
--
-- The helper functions are IMMUTABLE so that expression indexes can use them and never fail on a
-- malformed value. Those that call extension functions carry their search_path (PostgreSQL 17 runs
-- index maintenance with a safe search_path that would not find them otherwise).

CREATE FUNCTION directory_openreferral_fold(value TEXT) RETURNS TEXT
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    SET search_path FROM CURRENT AS $$
    SELECT lower(unaccent('unaccent'::REGDICTIONARY, coalesce(value, '')))
$$;
COMMENT ON FUNCTION directory_openreferral_fold(TEXT) IS
    'Text lower-cased with accents removed: what the /hsds search parameter matches against (résumé = RESUME).';

CREATE FUNCTION directory_openreferral_text(document JSONB) RETURNS TEXT
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    SET search_path FROM CURRENT AS $$
    SELECT lower(unaccent('unaccent'::REGDICTIONARY, coalesce(document ->> 'name', '') || ' '
        || coalesce(document ->> 'alternate_name', '') || ' ' || coalesce(document ->> 'description', '')))
$$;
COMMENT ON FUNCTION directory_openreferral_text(JSONB) IS
    'The name, alternate name and description of a service or organization document, folded as directory_openreferral_fold folds: what search matches.';

CREATE FUNCTION directory_openreferral_uuid(value TEXT) RETURNS UUID
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF pg_input_is_valid(value, 'uuid') THEN
        RETURN value::UUID;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION directory_openreferral_uuid(TEXT) IS
    'The UUID a document field holds, or null if it holds anything else. PL/pgSQL: cheaper per row than any SQL form, and joins evaluate it on every row.';

CREATE FUNCTION directory_openreferral_degrees(value JSONB, bound NUMERIC) RETURNS DOUBLE PRECISION
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(value) = 'number' AND abs((value #>> '{}')::NUMERIC) <= bound
                THEN (value #>> '{}')::DOUBLE PRECISION END
$$;
COMMENT ON FUNCTION directory_openreferral_degrees(JSONB, NUMERIC) IS
    'A latitude (bound 90) or longitude (bound 180) held by a document field, or null when missing or out of range.';

CREATE FUNCTION directory_openreferral_position(document JSONB) RETURNS EARTH
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    SET search_path FROM CURRENT AS $$
    SELECT ll_to_earth(directory_openreferral_degrees(document -> 'latitude', 90),
                       directory_openreferral_degrees(document -> 'longitude', 180))
$$;
COMMENT ON FUNCTION directory_openreferral_position(JSONB) IS
    'The earthdistance point of an HSDS location document, or null without valid coordinates: GiST-indexed for proximity filters.';

CREATE FUNCTION directory_openreferral_meters(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
                                              lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION)
    RETURNS DOUBLE PRECISION
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2 * 6371008.8 * asin(least(1, sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2)))
$$;
COMMENT ON FUNCTION directory_openreferral_meters(DOUBLE PRECISION, DOUBLE PRECISION, DOUBLE PRECISION, DOUBLE PRECISION) IS
    'Great-circle (haversine) distance in meters on the mean Earth radius, the same formula as geo.Coordinates.metersTo.';

-- search: case- and accent-insensitive substring matching (pg_trgm) on names and descriptions.
CREATE INDEX directory_record_openreferral_service_text ON directory_record
    USING GIN (directory_openreferral_text(document) gin_trgm_ops) WHERE resource_type = 'service';
CREATE INDEX directory_record_openreferral_organization_text ON directory_record
    USING GIN (directory_openreferral_text(document) gin_trgm_ops) WHERE resource_type = 'organization';

-- Stable ordering of pages by name.
CREATE INDEX directory_record_openreferral_service_name ON directory_record ((document ->> 'name'), id)
    WHERE resource_type = 'service';
CREATE INDEX directory_record_openreferral_organization_name ON directory_record ((document ->> 'name'), id)
    WHERE resource_type = 'organization';

-- From a service at location to its service and location, and from an address to its location.
CREATE INDEX directory_record_openreferral_sal_service ON directory_record
    (directory_openreferral_uuid(document ->> 'service_id')) WHERE resource_type = 'service_at_location';
CREATE INDEX directory_record_openreferral_sal_location ON directory_record
    (directory_openreferral_uuid(document ->> 'location_id')) WHERE resource_type = 'service_at_location';
CREATE INDEX directory_record_openreferral_address_postcode ON directory_record
    (left(btrim(document ->> 'postal_code'), 5)) WHERE resource_type = 'address';

-- postcode + proximity: locations within a radius of a ZIP centroid.
CREATE INDEX directory_record_openreferral_location_position ON directory_record
    USING GIST (directory_openreferral_position(document)) WHERE resource_type = 'location';

-- modified_after: what changed since a point in time, whatever its type.
CREATE INDEX directory_record_openreferral_modified ON directory_record (modified_at);
CREATE INDEX directory_service_profile_openreferral_modified ON directory_service_profile (modified_at);
CREATE INDEX directory_capacity_openreferral_updated ON directory_capacity (updated_at);

-- postcode without proximity: services whose residency rule names the ZIP code.
CREATE INDEX directory_service_profile_openreferral_postcodes ON directory_service_profile
    USING GIN (residency_postcodes);
