-- A version of the search projection, changed by every statement that writes it, so that readers
-- can keep the projection's services in memory and know at the cost of one tiny query whether their
-- copy is still current (ADR 0030). The version is drawn from a sequence, never counted up: a
-- rolled-back write's number is never used again, so no copy taken inside a write that did not
-- commit can ever look current.
CREATE SEQUENCE directory_search_change_seq;

CREATE TABLE directory_search_version (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE,
    version   BIGINT  NOT NULL,
    CONSTRAINT directory_search_version_singleton CHECK (singleton)
);
INSERT INTO directory_search_version (singleton, version) VALUES (TRUE, nextval('directory_search_change_seq'));
COMMENT ON TABLE directory_search_version IS 'One row: the version of directory_search_entry, changed by each statement that writes it.';

CREATE FUNCTION directory_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_search_version SET version = nextval('directory_search_change_seq');
    RETURN NULL;
END
$$;

CREATE TRIGGER directory_search_entry_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_search_entry
    FOR EACH STATEMENT EXECUTE FUNCTION directory_search_changed();
