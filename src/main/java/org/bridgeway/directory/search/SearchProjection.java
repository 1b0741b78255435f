package org.bridgeway.directory.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the search projection ({@code directory_search_entry}, one row per service at a location
 * and one per service without a location) and its word lexicon in step with the directory, inside
 * the transaction that changes the directory: every writer publishes {@link
 * DirectoryRecordsChanged}, and this listener refreshes the services the changed records affect.
 *
 * <p>All work is set-based SQL, whatever the number of services: an import of 25,000 services is
 * one event and a handful of statements. Below {@link #FEW} services the statements find related
 * records through the {@code links} GIN index; above, through hash joins over each record type,
 * which is cheaper than thousands of index probes.
 */
@Component
public class SearchProjection {

  /** Up to this many services, related records are found by index; above, by hash joins. */
  static final int FEW = 1_000;

  private static final Logger log = LoggerFactory.getLogger(SearchProjection.class);

  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final Clock clock;

  SearchProjection(JdbcClient jdbc, MessageSource messages, Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
  }

  /** Refreshes what the changed records affect, in the writer's transaction. */
  @EventListener
  @Transactional
  public void on(DirectoryRecordsChanged event) {
    refresh(event.recordIds());
  }

  /**
   * Refreshes every service a set of changed directory records affects (see {@link
   * #affectedServices}).
   *
   * @return how many services were refreshed
   */
  @Transactional
  public int refresh(Collection<UUID> recordIds) {
    if (recordIds.isEmpty()) {
      return 0;
    }
    if (recordIds.size() > FEW && touchesMostOfTheDirectory(recordIds.size())) {
      // A bulk load (the first import of a 211 dataset) changes most records: every service is
      // affected or nearly so, and finding out which exactly costs more than refreshing them all.
      return refreshServices(everyService());
    }
    return refreshServices(affectedServices(recordIds));
  }

  private boolean touchesMostOfTheDirectory(int changedRecords) {
    long stored = jdbc.sql("SELECT count(*) FROM directory_record").query(Long.class).single();
    return changedRecords * 2L >= stored;
  }

  /** Every service, and every service that still has search rows although it is gone. */
  private List<UUID> everyService() {
    return jdbc.sql(
            "SELECT id FROM directory_record WHERE resource_type = 'service'"
                + " UNION SELECT service_id FROM directory_search_entry")
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  /**
   * The services whose search rows a change to these records can alter: a changed service itself
   * (profiles and capacity publish the service id); the services of a changed organization; the
   * services at a changed location; the service a changed service-at-location, schedule, language,
   * phone or attribute belongs to (through its service, service-at-location or location); the
   * services whose attributes carry a changed taxonomy term; and every service whose rows were
   * built from one of these records, which covers deleted records too.
   */
  @Transactional(readOnly = true)
  public Set<UUID> affectedServices(Collection<UUID> recordIds) {
    UUID[] ids = recordIds.stream().distinct().toArray(UUID[]::new);
    String sql =
        AFFECTED
            .replace("{{locationLinks}}", ids.length <= FEW ? LOCATION_LINKS_FEW : "TRUE")
            .replace("{{termLinks}}", ids.length <= FEW ? TERM_LINKS_FEW : "TRUE")
            .replace("{{sources}}", ids.length <= FEW ? SOURCES_FEW : SOURCES_MANY);
    return new LinkedHashSet<>(
        jdbc.sql(sql).param("ids", ids).query((rs, n) -> rs.getObject(1, UUID.class)).list());
  }

  /**
   * Rebuilds the search rows of these services from the directory: rows of services that are gone
   * (or have lost a location) are deleted, the others inserted or updated. Rows that would not
   * change are left alone, so that index entries are not rewritten for nothing.
   *
   * @return how many services were refreshed
   */
  @Transactional
  public int refreshServices(Collection<UUID> serviceIds) {
    if (serviceIds.isEmpty()) {
      return 0;
    }
    UUID[] services = serviceIds.stream().distinct().sorted().toArray(UUID[]::new);
    // The projection's version before anything else (ADR 0030). Every statement that writes the
    // projection changes it and so holds its row until commit; taken first, it cannot be waited
    // for by a refresh that holds records this one needs next.
    jdbc.sql("UPDATE directory_search_version SET version = nextval('directory_search_change_seq')")
        .update();
    // Row locks in id order: a concurrent refresh of the same services waits for this transaction
    // and then reads what it wrote, instead of overwriting it with an older snapshot.
    jdbc.sql(
            "SELECT id FROM directory_record WHERE id = ANY(:services) AND resource_type ="
                + " 'service' ORDER BY id FOR NO KEY UPDATE")
        .param("services", services)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
    boolean few = services.length <= FEW;
    if (!few) {
      // A bulk refresh usually follows a bulk write in the same transaction, which the planner's
      // statistics do not know of yet; planned on stale statistics, the hash joins below turn into
      // nested loops. ANALYZE in a transaction counts the transaction's own rows.
      // Only the columns the refresh filters and joins on: the row counts are what matter, and
      // sampling the JSON documents and word arrays would cost more than the rest together.
      jdbc.sql("ANALYZE directory_record (id, resource_type)").update();
      jdbc.sql("ANALYZE directory_service_profile (service_id)").update();
      jdbc.sql("ANALYZE directory_search_entry (entry_id, service_id)").update();
    }
    String sql =
        REFRESH
            .replace("{{salLinks}}", few ? "r.links && :services" : "TRUE")
            .replace("{{linkedLinks}}", few ? LINKED_LINKS_FEW : "TRUE");
    long started = System.nanoTime();
    String[] candidates =
        jdbc.sql(sql)
            .param("services", services)
            .param("domainCodes", NeedDomainLabels.codes())
            .param("domainLabels", NeedDomainLabels.labels(messages))
            .param("now", Timestamp.from(clock.instant()))
            .query((rs, n) -> (String[]) rs.getArray(1).getArray())
            .single();
    if (candidates.length > 0) {
      jdbc.sql(PRUNE_LEXICON).param("candidates", candidates).update();
    }
    if (!few) {
      // Bulk inserts land in the GIN indexes' pending lists, which every search scans until they
      // are merged: merge them now rather than when autovacuum comes by (only an owner may).
      jdbc.sql(
              "SELECT gin_clean_pending_list(CAST(i.indexrelid AS REGCLASS)) FROM pg_index i"
                  + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
                  + " WHERE i.indrelid = CAST('directory_search_entry' AS REGCLASS)"
                  + " AND a.amname = 'gin' AND pg_has_role(c.relowner, 'USAGE')")
          .query((rs, n) -> rs.getLong(1))
          .list();
    }
    if (services.length > FEW) {
      log.info(
          "Search projection: refreshed {} services in {} ms",
          services.length,
          (System.nanoTime() - started) / 1_000_000);
    }
    return services.length;
  }

  /**
   * Rebuilds the whole projection: after a bulk load that bypassed the events, or a change of the
   * text configuration. Rows of services that no longer exist are deleted.
   *
   * @return how many services the projection now holds
   */
  @Transactional
  public int rebuildAll() {
    List<UUID> services =
        jdbc.sql("SELECT id FROM directory_record WHERE resource_type = 'service' ORDER BY id")
            .query((rs, n) -> rs.getObject(1, UUID.class))
            .list();
    jdbc.sql(
            "DELETE FROM directory_search_entry e WHERE NOT EXISTS (SELECT 1 FROM directory_record"
                + " r WHERE r.id = e.service_id AND r.resource_type = 'service')")
        .update();
    refreshServices(services);
    jdbc.sql(
            "DELETE FROM directory_search_lexicon l WHERE NOT EXISTS (SELECT 1 FROM"
                + " directory_search_entry e WHERE e.words @> ARRAY[l.word])")
        .update();
    return services.size();
  }

  private static final String LOCATION_LINKS_FEW =
      "s.links && (SELECT coalesce(array_agg(id), '{}') FROM location_ids)";
  private static final String TERM_LINKS_FEW =
      "a.links && (SELECT coalesce(array_agg(id), '{}') FROM changed WHERE resource_type ="
          + " 'taxonomy_term')";
  private static final String SOURCES_FEW =
      "SELECT e.service_id FROM directory_search_entry e WHERE e.source_ids && :ids";
  private static final String SOURCES_MANY =
      "SELECT e.service_id FROM directory_search_entry e CROSS JOIN unnest(e.source_ids) AS s (id)"
          + " WHERE s.id IN (SELECT unnest(CAST(:ids AS UUID[])))";
  private static final String LINKED_LINKS_FEW =
      "r.links && (SELECT array_agg(id) FROM (SELECT id FROM svc UNION ALL SELECT id FROM sal"
          + " UNION ALL SELECT id FROM loc) owner)";

  private static final String AFFECTED =
      """
      WITH changed AS MATERIALIZED (
          SELECT r.id, r.resource_type, r.document AS d
          FROM directory_record r
          WHERE r.id = ANY(:ids)
      ),
      location_ids AS (
          SELECT id FROM changed WHERE resource_type = 'location'
          UNION
          SELECT directory_uuid(d ->> 'location_id') FROM changed
          WHERE resource_type IN ('address', 'schedule')
            AND d ->> 'service_id' IS NULL AND d ->> 'service_at_location_id' IS NULL
      )
      SELECT DISTINCT affected.id FROM (
          SELECT id FROM changed WHERE resource_type = 'service'
          UNION ALL
          SELECT directory_uuid(d ->> 'service_id') FROM changed
          WHERE resource_type IN ('service_at_location', 'schedule', 'language', 'phone', 'contact',
                                  'cost_option', 'service_area', 'funding', 'required_document')
          UNION ALL
          SELECT directory_uuid(d ->> 'link_id') FROM changed WHERE resource_type = 'attribute'
          UNION ALL
          SELECT directory_uuid(s.document ->> 'service_id') FROM directory_record s
          WHERE s.resource_type = 'service_at_location'
            AND s.id IN (SELECT directory_uuid(d ->> 'service_at_location_id') FROM changed
                         WHERE resource_type IN ('schedule', 'phone', 'contact'))
          UNION ALL
          SELECT directory_uuid(s.document ->> 'service_id') FROM directory_record s
          WHERE s.resource_type = 'service_at_location' AND {{locationLinks}}
            AND directory_uuid(s.document ->> 'location_id') IN (SELECT id FROM location_ids)
          UNION ALL
          SELECT s.id FROM directory_record s
          WHERE s.resource_type = 'service'
            AND s.organization_id IN (SELECT id FROM changed WHERE resource_type = 'organization')
          UNION ALL
          SELECT directory_uuid(a.document ->> 'link_id') FROM directory_record a
          WHERE a.resource_type = 'attribute' AND {{termLinks}}
            AND directory_uuid(a.document ->> 'taxonomy_term_id') IN
                (SELECT id FROM changed WHERE resource_type = 'taxonomy_term')
          UNION ALL
          {{sources}}
          UNION ALL
          SELECT e.service_id FROM directory_search_entry e WHERE e.service_id = ANY(:ids)
      ) affected
      WHERE affected.id IS NOT NULL
      """;

  private static final String PRUNE_LEXICON =
      """
      DELETE FROM directory_search_lexicon l
      WHERE l.word = ANY(CAST(:candidates AS TEXT[]))
        AND NOT EXISTS (SELECT 1 FROM directory_search_entry e WHERE e.words @> ARRAY[l.word])
      """;

  /**
   * Builds the rows of the given services and writes them. Placeholders: {@code {{salLinks}}} and
   * {@code {{linkedLinks}}} restrict the scans of related records through the links index (few
   * services) or are TRUE (many). Returns the words that were in the services' rows before and are
   * not any more: candidates for removal from the lexicon.
   */
  private static final String REFRESH =
      """
        WITH svc AS MATERIALIZED (
            SELECT r.id, r.document AS d, directory_uuid(r.document ->> 'organization_id') AS organization_id
            FROM directory_record r
            WHERE r.id = ANY(:services) AND r.resource_type = 'service'
        ),
        sal AS MATERIALIZED (
            SELECT s.* FROM (
                SELECT r.id, directory_uuid(r.document ->> 'service_id') AS service_id,
                       directory_uuid(r.document ->> 'location_id') AS location_id
                FROM directory_record r
                WHERE r.resource_type = 'service_at_location' AND {{salLinks}}
            ) s
            WHERE s.service_id IN (SELECT id FROM svc)
        ),
        loc AS MATERIALIZED (
            SELECT r.id, r.document AS d
            FROM directory_record r
            WHERE r.id IN (SELECT location_id FROM sal) AND r.resource_type = 'location'
        ),
        linked AS MATERIALIZED (
            SELECT r.id, r.resource_type,
                   CASE WHEN r.resource_type = 'attribute' THEN directory_uuid(r.document ->> 'link_id')
                        ELSE directory_uuid(r.document ->> 'service_id') END AS service_id,
                   directory_uuid(r.document ->> 'service_at_location_id') AS sal_id,
                   directory_uuid(r.document ->> 'location_id') AS location_id,
                   CASE WHEN r.resource_type = 'attribute' THEN directory_uuid(r.document ->> 'taxonomy_term_id') END AS term_id,
                   CASE WHEN r.resource_type = 'language' THEN lower(split_part(btrim(r.document ->> 'code'), '-', 1)) END AS language,
                   CASE WHEN r.resource_type = 'schedule' AND coalesce(upper(r.document ->> 'freq'), 'WEEKLY') = 'WEEKLY'
                        THEN directory_weekly_minutes(r.document ->> 'byday', r.document ->> 'opens_at', r.document ->> 'closes_at')
                   END AS minutes,
                   CASE WHEN r.resource_type = 'address' THEN r.document END AS address
            FROM directory_record r
            WHERE {{linkedLinks}} AND r.resource_type IN ('attribute', 'language', 'schedule', 'address')
        ),
        term AS (
            SELECT r.id, r.document ->> 'name' AS name
            FROM directory_record r
            WHERE r.id IN (SELECT term_id FROM linked) AND r.resource_type = 'taxonomy_term'
        ),
        service_terms AS (
            SELECT st.service_id, array_agg(st.id ORDER BY st.name, st.id) AS term_ids,
                   array_agg(coalesce(st.name, '') ORDER BY st.name, st.id) AS term_names
            FROM (SELECT DISTINCT l.service_id, t.id, t.name
                  FROM linked l JOIN term t ON t.id = l.term_id
                  WHERE l.resource_type = 'attribute' AND l.service_id IN (SELECT id FROM svc)) st
            GROUP BY st.service_id
        ),
        by_service AS (
            SELECT l.service_id,
                   array_agg(l.id) AS ids,
                   array_agg(DISTINCT l.language) FILTER (WHERE l.language ~ '^[a-z]{2,3}$') AS languages,
                   range_agg(l.minutes) FILTER (WHERE l.sal_id IS NULL) AS minutes
            FROM linked l
            WHERE l.resource_type IN ('attribute', 'language', 'schedule')
              AND l.service_id IN (SELECT id FROM svc)
            GROUP BY l.service_id
        ),
        by_sal AS (
            SELECT l.sal_id, array_agg(l.id) AS ids, range_agg(l.minutes) AS minutes
            FROM linked l
            WHERE l.resource_type = 'schedule' AND l.sal_id IN (SELECT id FROM sal)
            GROUP BY l.sal_id
        ),
        by_location AS (
            SELECT l.location_id, array_agg(l.id) AS ids,
                   range_agg(l.minutes) FILTER (WHERE l.resource_type = 'schedule') AS minutes,
                   (array_agg(l.address ORDER BY (l.address ->> 'address_type' = 'physical') DESC NULLS LAST, l.id)
                       FILTER (WHERE l.resource_type = 'address'))[1] AS address
            FROM linked l
            WHERE l.location_id IN (SELECT id FROM loc)
              AND (l.resource_type = 'address' OR (l.resource_type = 'schedule' AND l.service_id IS NULL AND l.sal_id IS NULL))
            GROUP BY l.location_id
        ),
        service_text AS MATERIALIZED (
            SELECT s.id AS service_id, s.organization_id, s.organization_name, s.status, s.service_name, s.alternate_name,
                   s.description, s.term_ids, s.term_names, s.languages, s.ids, s.minutes, s.minimum_age, s.maximum_age,
                   setweight(to_tsvector('bridgeway_english', concat_ws(' ', s.service_name, s.alternate_name)), 'A')
                   || setweight(to_tsvector('bridgeway_english', concat_ws(' ', s.organization_name, array_to_string(s.term_names, ' '),
                          s.domain_labels)), 'B')
                   || setweight(to_tsvector('bridgeway_english', coalesce(s.description, '')), 'C') AS vector,
                   CASE WHEN s.status = 'active' THEN tsvector_to_array(to_tsvector('bridgeway_simple', concat_ws(' ',
                       s.service_name, s.alternate_name, s.organization_name, array_to_string(s.term_names, ' '), s.domain_labels,
                       s.description)))
                   ELSE '{}' END AS words
            FROM (
                SELECT svc.id, org.id AS organization_id, org.document ->> 'name' AS organization_name,
                       coalesce(svc.d ->> 'status', '') AS status,
                       coalesce(svc.d ->> 'name', '') AS service_name,
                       svc.d ->> 'alternate_name' AS alternate_name,
                       left(svc.d ->> 'description', 4000) AS description,
                       coalesce(ts.term_ids, '{}') AS term_ids, coalesce(ts.term_names, '{}') AS term_names,
                       coalesce(bs.languages, '{}') AS languages, coalesce(bs.ids, '{}') AS ids, bs.minutes,
                       directory_number(svc.d -> 'minimum_age', 0, 120)::INTEGER AS minimum_age,
                       directory_number(svc.d -> 'maximum_age', 0, 120)::INTEGER AS maximum_age,
                       (SELECT string_agg(x.label, ' ') FROM unnest(CAST(:domainCodes AS TEXT[]), CAST(:domainLabels AS TEXT[])) AS x (code, label)
                        WHERE x.code = ANY(p.need_domains)) AS domain_labels
                FROM svc
                LEFT JOIN directory_record org ON org.id = svc.organization_id AND org.resource_type = 'organization'
                LEFT JOIN by_service bs ON bs.service_id = svc.id
                LEFT JOIN service_terms ts ON ts.service_id = svc.id
                LEFT JOIN directory_service_profile p ON p.service_id = svc.id
            ) s
        ),
        location_text AS MATERIALIZED (
            SELECT g.*,
                   CASE WHEN g.latitude IS NOT NULL THEN ll_to_earth(g.latitude, g.longitude) END AS position,
                   setweight(to_tsvector('bridgeway_english', concat_ws(' ', g.location_name, g.city)), 'C') AS vector,
                   tsvector_to_array(to_tsvector('bridgeway_simple', concat_ws(' ', g.location_name, g.city))) AS words
            FROM (
                SELECT loc.id AS location_id, loc.d ->> 'name' AS location_name,
                       CASE WHEN coalesce(directory_number(loc.d -> 'latitude', -90, 90), 0) <> 0
                              OR coalesce(directory_number(loc.d -> 'longitude', -180, 180), 0) <> 0
                            THEN directory_number(loc.d -> 'latitude', -90, 90)::DOUBLE PRECISION END AS latitude,
                       CASE WHEN coalesce(directory_number(loc.d -> 'latitude', -90, 90), 0) <> 0
                              OR coalesce(directory_number(loc.d -> 'longitude', -180, 180), 0) <> 0
                            THEN directory_number(loc.d -> 'longitude', -180, 180)::DOUBLE PRECISION END AS longitude,
                       nullif(concat_ws(', ', nullif(btrim(bl.address ->> 'address_1'), ''), nullif(btrim(bl.address ->> 'address_2'), '')), '') AS address,
                       nullif(btrim(bl.address ->> 'city'), '') AS city,
                       nullif(btrim(bl.address ->> 'state_province'), '') AS state_province,
                       substring(bl.address ->> 'postal_code' FROM '^\\s*(\\d{5})(?:-\\d{4})?\\s*$') AS postal_code,
                       coalesce(bl.ids, '{}') AS ids, bl.minutes
                FROM loc LEFT JOIN by_location bl ON bl.location_id = loc.id
            ) g
        ),
        entry AS (
            SELECT sal.id AS entry_id, sal.service_id, sal.location_id, sal.id AS sal_id FROM sal
            UNION ALL
            SELECT svc.id, svc.id, NULL, NULL FROM svc WHERE svc.id NOT IN (SELECT service_id FROM sal)
        ),
        fresh AS MATERIALIZED (
            SELECT e.entry_id, e.service_id, lt.location_id, st.organization_id, st.status, st.service_name, st.alternate_name,
                   st.organization_name, lt.location_name, st.description,
                   st.term_ids AS taxonomy_term_ids, st.term_names AS taxonomy_terms,
                   CASE WHEN lt.vector IS NULL THEN st.vector ELSE st.vector || lt.vector END AS search_vector,
                   CASE WHEN st.status <> 'active' THEN '{}' WHEN lt.words IS NULL THEN st.words ELSE st.words || lt.words END AS words,
                   lt.latitude, lt.longitude, lt.position, lt.address, lt.city, lt.state_province, lt.postal_code,
                   coalesce(p.need_domains, '{}') AS need_domains,
                   coalesce(p.minimum_age, st.minimum_age) AS minimum_age,
                   coalesce(p.maximum_age, st.maximum_age) AS maximum_age,
                   coalesce(p.genders, '{}') AS genders,
                   coalesce(p.supervision_types, '{}') AS supervision_types,
                   coalesce(p.supervision_levels, '{}') AS supervision_levels,
                   coalesce(p.excluded_offenses, '{}') AS excluded_offenses,
                   coalesce(p.insurance_accepted, '{}') AS insurance_accepted,
                   coalesce(p.residency_postcodes, '{}') AS residency_postcodes,
                   CASE WHEN p.languages IS NULL OR cardinality(p.languages) = 0 THEN st.languages
                        ELSE ARRAY(SELECT DISTINCT x FROM unnest(p.languages || st.languages) AS x ORDER BY x) END AS languages,
                   coalesce(p.accessibility, '{}') AS accessibility,
                   p.cost_kind,
                   c.open_slots, c.waitlist_length, c.estimated_wait_days, c.updated_at AS capacity_updated_at,
                   coalesce(bs.minutes, st.minutes, lt.minutes) AS open_hours,
                   array_remove(ARRAY[e.service_id, st.organization_id, e.sal_id, lt.location_id], NULL)
                       || st.ids || st.term_ids || coalesce(bs.ids, '{}') || coalesce(lt.ids, '{}') AS source_ids
            FROM entry e
            JOIN service_text st ON st.service_id = e.service_id
            LEFT JOIN location_text lt ON lt.location_id = e.location_id
            LEFT JOIN by_sal bs ON bs.sal_id = e.sal_id
            LEFT JOIN directory_service_profile p ON p.service_id = e.service_id
            LEFT JOIN directory_capacity c ON c.service_id = e.service_id
        ),
        previous_words AS (
            SELECT DISTINCT w FROM directory_search_entry e, unnest(e.words) AS w WHERE e.service_id = ANY(:services)
        ),
        removed AS (
            DELETE FROM directory_search_entry e
            WHERE e.service_id = ANY(:services) AND e.entry_id NOT IN (SELECT entry_id FROM fresh)
        ),
        upserted AS (
            INSERT INTO directory_search_entry AS e (
                entry_id, service_id, location_id, organization_id, status, service_name, alternate_name,
                organization_name, location_name, description, taxonomy_term_ids, taxonomy_terms, search_vector, words,
                latitude, longitude, position, address, city, state_province, postal_code, need_domains,
                minimum_age, maximum_age, genders, supervision_types, supervision_levels, excluded_offenses,
                insurance_accepted, residency_postcodes, languages, accessibility, cost_kind, open_slots,
                waitlist_length, estimated_wait_days, capacity_updated_at, open_hours, source_ids, refreshed_at)
            SELECT entry_id, service_id, location_id, organization_id, status, service_name, alternate_name,
                   organization_name, location_name, description, taxonomy_term_ids, taxonomy_terms, search_vector, words,
                   latitude, longitude, position, address, city, state_province, postal_code, need_domains,
                   minimum_age, maximum_age, genders, supervision_types, supervision_levels, excluded_offenses,
                   insurance_accepted, residency_postcodes, languages, accessibility, cost_kind, open_slots,
                   waitlist_length, estimated_wait_days, capacity_updated_at, open_hours, source_ids, :now
            FROM fresh
            ON CONFLICT (entry_id) DO UPDATE SET
                service_id = excluded.service_id, location_id = excluded.location_id,
                organization_id = excluded.organization_id, status = excluded.status,
                service_name = excluded.service_name, alternate_name = excluded.alternate_name,
                organization_name = excluded.organization_name, location_name = excluded.location_name,
                description = excluded.description, taxonomy_term_ids = excluded.taxonomy_term_ids,
                taxonomy_terms = excluded.taxonomy_terms, search_vector = excluded.search_vector,
                words = excluded.words, latitude = excluded.latitude, longitude = excluded.longitude,
                position = excluded.position, address = excluded.address, city = excluded.city,
                state_province = excluded.state_province, postal_code = excluded.postal_code,
                need_domains = excluded.need_domains, minimum_age = excluded.minimum_age,
                maximum_age = excluded.maximum_age, genders = excluded.genders,
                supervision_types = excluded.supervision_types, supervision_levels = excluded.supervision_levels,
                excluded_offenses = excluded.excluded_offenses, insurance_accepted = excluded.insurance_accepted,
                residency_postcodes = excluded.residency_postcodes, languages = excluded.languages,
                accessibility = excluded.accessibility, cost_kind = excluded.cost_kind,
                open_slots = excluded.open_slots, waitlist_length = excluded.waitlist_length,
                estimated_wait_days = excluded.estimated_wait_days,
                capacity_updated_at = excluded.capacity_updated_at, open_hours = excluded.open_hours,
                source_ids = excluded.source_ids, refreshed_at = excluded.refreshed_at
            WHERE (e.service_id, e.location_id, e.organization_id, e.status, e.service_name, e.alternate_name,
                   e.organization_name, e.location_name, e.description, e.taxonomy_term_ids, e.taxonomy_terms,
                   e.search_vector, e.words, e.latitude, e.longitude, e.address, e.city, e.state_province,
                   e.postal_code, e.need_domains, e.minimum_age, e.maximum_age, e.genders, e.supervision_types,
                   e.supervision_levels, e.excluded_offenses, e.insurance_accepted, e.residency_postcodes,
                   e.languages, e.accessibility, e.cost_kind, e.open_slots, e.waitlist_length,
                   e.estimated_wait_days, e.capacity_updated_at, e.open_hours, e.source_ids)
                  IS DISTINCT FROM
                  (excluded.service_id, excluded.location_id, excluded.organization_id, excluded.status,
                   excluded.service_name, excluded.alternate_name, excluded.organization_name,
                   excluded.location_name, excluded.description, excluded.taxonomy_term_ids,
                   excluded.taxonomy_terms, excluded.search_vector, excluded.words, excluded.latitude,
                   excluded.longitude, excluded.address, excluded.city, excluded.state_province,
                   excluded.postal_code, excluded.need_domains, excluded.minimum_age, excluded.maximum_age,
                   excluded.genders, excluded.supervision_types, excluded.supervision_levels,
                   excluded.excluded_offenses, excluded.insurance_accepted, excluded.residency_postcodes,
                   excluded.languages, excluded.accessibility, excluded.cost_kind, excluded.open_slots,
                   excluded.waitlist_length, excluded.estimated_wait_days, excluded.capacity_updated_at,
                   excluded.open_hours, excluded.source_ids)
        ),
        new_words AS (
            INSERT INTO directory_search_lexicon (word, stem)
            SELECT w, (tsvector_to_array(to_tsvector('bridgeway_english', w)))[1]
            FROM (SELECT DISTINCT unnest(words) AS w FROM fresh) fresh_words
            WHERE length(w) >= 3
            ON CONFLICT (word) DO NOTHING
        )
        SELECT coalesce(array_agg(w), '{}') AS candidates
        FROM previous_words
        WHERE w NOT IN (SELECT unnest(words) FROM fresh)
      """;
}
