-- Directory search: a projection of the directory shaped for searching (one row per service at a
-- location, plus one per service without a location), kept in step with the HSDS records, service
-- profiles and capacity in the writing transaction, and a lexicon of its words for typo tolerance.
-- See ADR 0008.

-- English with accents folded: "résumé" and "resume" are the same word, stemmed as English.
CREATE TEXT SEARCH CONFIGURATION bridgeway_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION bridgeway_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
COMMENT ON TEXT SEARCH CONFIGURATION bridgeway_english IS
    'English stemming with accents folded (unaccent): the configuration of directory search.';

-- Words as written, accents folded, not stemmed, and nothing but words (no numbers, addresses or
-- whole hyphenated compounds, whose parts are kept): what the typo lexicon holds.
CREATE TEXT SEARCH CONFIGURATION bridgeway_simple (PARSER = pg_catalog.default);
ALTER TEXT SEARCH CONFIGURATION bridgeway_simple
    ADD MAPPING FOR asciiword, hword_asciipart WITH simple;
ALTER TEXT SEARCH CONFIGURATION bridgeway_simple
    ADD MAPPING FOR word, hword_part WITH unaccent, simple;
COMMENT ON TEXT SEARCH CONFIGURATION bridgeway_simple IS
    'Words only, lower-cased with accents folded and not stemmed: builds the directory search lexicon.';

CREATE TABLE directory_search_entry (
    entry_id              UUID        PRIMARY KEY,
    service_id            UUID        NOT NULL,
    location_id           UUID,
    organization_id       UUID,
    status                TEXT        NOT NULL,
    service_name          TEXT        NOT NULL,
    alternate_name        TEXT,
    organization_name     TEXT,
    location_name         TEXT,
    description           TEXT,
    taxonomy_term_ids     UUID[]      NOT NULL DEFAULT '{}',
    taxonomy_terms        TEXT[]      NOT NULL DEFAULT '{}',
    search_vector         TSVECTOR    NOT NULL,
    words                 TEXT[]      NOT NULL DEFAULT '{}',
    latitude              DOUBLE PRECISION,
    longitude             DOUBLE PRECISION,
    position              EARTH,
    address               TEXT,
    city                  TEXT,
    state_province        TEXT,
    postal_code           TEXT,
    need_domains          TEXT[]      NOT NULL DEFAULT '{}',
    minimum_age           INTEGER,
    maximum_age           INTEGER,
    genders               TEXT[]      NOT NULL DEFAULT '{}',
    supervision_types     TEXT[]      NOT NULL DEFAULT '{}',
    supervision_levels    TEXT[]      NOT NULL DEFAULT '{}',
    excluded_offenses     TEXT[]      NOT NULL DEFAULT '{}',
    insurance_accepted    TEXT[]      NOT NULL DEFAULT '{}',
    residency_postcodes   TEXT[]      NOT NULL DEFAULT '{}',
    languages             TEXT[]      NOT NULL DEFAULT '{}',
    accessibility         TEXT[]      NOT NULL DEFAULT '{}',
    cost_kind             TEXT,
    open_slots            INTEGER,
    waitlist_length       INTEGER,
    estimated_wait_days   INTEGER,
    capacity_updated_at   TIMESTAMP WITH TIME ZONE,
    open_hours            INT4MULTIRANGE,
    source_ids            UUID[]      NOT NULL DEFAULT '{}',
    refreshed_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

COMMENT ON TABLE directory_search_entry IS
    'Directory search projection: one row per HSDS service_at_location, plus one per service that has no location (telephone and online services). Rebuilt from directory_record, directory_service_profile and directory_capacity in the transaction that changes them; see ADR 0008.';
COMMENT ON COLUMN directory_search_entry.entry_id IS 'The service_at_location id, or the service id for a service without a location.';
COMMENT ON COLUMN directory_search_entry.status IS 'The HSDS service status; only active services are found.';
COMMENT ON COLUMN directory_search_entry.taxonomy_term_ids IS 'Taxonomy terms of the service''s HSDS attributes.';
COMMENT ON COLUMN directory_search_entry.taxonomy_terms IS 'Names of those terms, for display and for the text index.';
COMMENT ON COLUMN directory_search_entry.search_vector IS 'bridgeway_english text: service name (weight A), organization name, taxonomy terms and need domains (B), description, location and city (C).';
COMMENT ON COLUMN directory_search_entry.words IS 'The distinct words of the text (bridgeway_simple): what the lexicon is made of.';
COMMENT ON COLUMN directory_search_entry.position IS 'll_to_earth(latitude, longitude), GiST-indexed for radius searches; null without coordinates.';
COMMENT ON COLUMN directory_search_entry.minimum_age IS 'From the service profile, or the HSDS service minimum_age when the profile has none.';
COMMENT ON COLUMN directory_search_entry.languages IS 'ISO 639 codes: the profile''s languages and the codes of the service''s HSDS language records.';
COMMENT ON COLUMN directory_search_entry.open_hours IS 'Weekly opening hours as minutes of the week (Monday 00:00 = 0, up to 10080), in the directory''s time zone, from WEEKLY HSDS schedules of the service at location, else of the service, else of the location; null when unknown.';
COMMENT ON COLUMN directory_search_entry.source_ids IS 'Every directory record the row was built from: a change to any of them refreshes the row, even a deletion.';
COMMENT ON COLUMN directory_search_entry.capacity_updated_at IS 'When capacity was last reported; figures older than 7 days are stale and do not count as open capacity.';

CREATE INDEX directory_search_entry_service ON directory_search_entry (service_id);
-- The GIN indexes keep their pending list (fastupdate), which makes bulk refreshes fast; a bulk
-- refresh then merges the list at once (gin_clean_pending_list), so that searches never scan a
-- long unsorted list while waiting for autovacuum.
CREATE INDEX directory_search_entry_text ON directory_search_entry USING GIN (search_vector);
CREATE INDEX directory_search_entry_position ON directory_search_entry USING GIST (position);
CREATE INDEX directory_search_entry_domains ON directory_search_entry USING GIN (need_domains);
CREATE INDEX directory_search_entry_sources ON directory_search_entry USING GIN (source_ids);
CREATE INDEX directory_search_entry_words ON directory_search_entry USING GIN (words);

CREATE TABLE directory_search_lexicon (
    word  TEXT PRIMARY KEY,
    stem  TEXT
);

COMMENT ON TABLE directory_search_lexicon IS
    'Every word of the search projection (three letters or more), for typo tolerance: a query word that is not here, and whose stem is not here, is replaced by the most similar word (pg_trgm).';
COMMENT ON COLUMN directory_search_lexicon.stem IS 'The word''s bridgeway_english lexeme; null for a stop word. A query word with a known stem is not corrected.';

CREATE INDEX directory_search_lexicon_trigram ON directory_search_lexicon USING GIST (word gist_trgm_ops);
CREATE INDEX directory_search_lexicon_stem ON directory_search_lexicon (stem);

-- Helpers of the projection's refresh: they read what HSDS documents hold without ever failing on a
-- malformed value, so that one bad record cannot abort the transaction that writes it.

CREATE FUNCTION directory_uuid(value TEXT) RETURNS UUID
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN pg_input_is_valid(value, 'uuid') THEN value::UUID END
$$;
COMMENT ON FUNCTION directory_uuid(TEXT) IS 'The UUID a document field holds, or null if it holds anything else.';

CREATE FUNCTION directory_number(value JSONB, low NUMERIC, high NUMERIC) RETURNS NUMERIC
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(value) = 'number' AND (value #>> '{}')::NUMERIC BETWEEN low AND high
                THEN (value #>> '{}')::NUMERIC END
$$;
COMMENT ON FUNCTION directory_number(JSONB, NUMERIC, NUMERIC) IS 'The number a document field holds if it lies within [low, high], else null.';

CREATE FUNCTION directory_minute_of_day(value TEXT) RETURNS INTEGER
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value ~ '^\s*([01]?\d|2[0-3]):[0-5]\d'
                THEN split_part(btrim(value), ':', 1)::INTEGER * 60 + left(split_part(btrim(value), ':', 2), 2)::INTEGER
                WHEN value ~ '^\s*24:00' THEN 1440 END
$$;
COMMENT ON FUNCTION directory_minute_of_day(TEXT) IS 'Minutes since midnight of an HSDS opens_at/closes_at time (hh:mm or hh:mm:ss), or null.';

CREATE FUNCTION directory_weekly_minutes(byday TEXT, opens_at TEXT, closes_at TEXT) RETURNS INT4MULTIRANGE
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    days    CONSTANT TEXT[] := ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    opens   INTEGER := directory_minute_of_day(opens_at);
    closes  INTEGER := directory_minute_of_day(closes_at);
    code    TEXT;
    day     INTEGER;
    found   BOOLEAN := FALSE;
    minutes INT4MULTIRANGE := '{}';
BEGIN
    IF byday IS NULL OR opens IS NULL OR closes IS NULL THEN
        RETURN NULL;
    END IF;
    IF closes <= opens THEN
        closes := closes + 1440;
    END IF;
    FOREACH code IN ARRAY string_to_array(upper(byday), ',') LOOP
        day := array_position(days, right(btrim(code), 2)) - 1;
        CONTINUE WHEN day IS NULL;
        found := TRUE;
        minutes := minutes + int4multirange(int4range(day * 1440 + opens, least(day * 1440 + closes, 10080)));
        IF day * 1440 + closes > 10080 THEN
            minutes := minutes + int4multirange(int4range(0, day * 1440 + closes - 10080));
        END IF;
    END LOOP;
    RETURN CASE WHEN found THEN minutes END;
END
$$;
COMMENT ON FUNCTION directory_weekly_minutes(TEXT, TEXT, TEXT) IS
    'The minutes of the week (Monday 00:00 = 0) a weekly HSDS schedule is open: byday such as MO,WE,FR; a closing time at or before the opening time runs past midnight (Sunday night wraps to Monday). Null if nothing can be read.';
