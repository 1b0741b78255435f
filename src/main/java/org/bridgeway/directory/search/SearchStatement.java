package org.bridgeway.directory.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.directory.DirectorySearchResult.Origin;
import org.bridgeway.directory.DirectorySearchResult.Source;

/**
 * The one statement that answers a page of a search: the services matching every filter, one row
 * per service at its best location, ranked, with the total and (when asked) the facet counts.
 *
 * <p>The SQL is assembled from fixed fragments, one per filter in use, so that PostgreSQL plans
 * each combination for what it is; every value the user gave travels as a bind parameter, never as
 * SQL text.
 *
 * <p>Ranking (see ADR 0008): {@code score = 3 * text + 2 * proximity + capacity}, where {@code
 * text} is {@code ts_rank} with weights A (name) 1.0, B (organization, taxonomy terms, need
 * domains) 0.4, C (description, location, city) 0.2, D 0.1, normalized to [0, 1) as r / (r + 1);
 * {@code proximity} is 1 / (1 + miles / 5), so 1 at the origin and 0.5 at five miles (0 without an
 * origin or coordinates); {@code capacity} is 1 for open slots reported within 7 days, 0.25 when
 * capacity is unknown or stale, 0 for a service that reported itself full. Ties go by name, then
 * id, so that paging is stable.
 */
record SearchStatement(String sql, Map<String, Object> params) {

  /** Half the proximity score at this distance: five miles. */
  static final double PROXIMITY_HALF_METERS = 5 * 1609.344;

  /**
   * Builds the statement.
   *
   * @param text the words to search for, after spelling correction, as one string; null for none
   * @param usedWords the same words, for the reasons each hit matched
   * @param origin where distances are measured from, or null
   * @param openMinute the minute of the week a service must be open at, or null
   * @param nowMinute the minute of the week it is now, to say which hits are open now
   * @param freshSince capacity reported before this is stale
   */
  static SearchStatement of(
      DirectorySearchQuery query,
      String text,
      List<String> usedWords,
      Origin origin,
      Integer openMinute,
      int nowMinute,
      Instant freshSince) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder("e.status = 'active'");
    boolean hasText = text != null && !text.isBlank();
    params.put("freshSince", Timestamp.from(freshSince));
    params.put("nowMinute", nowMinute);
    params.put("limit", query.size());
    params.put("offset", (long) query.page() * query.size());
    if (hasText) {
      params.put("text", text);
      params.put("used", usedWords.toArray(String[]::new));
      where.append(" AND e.search_vector @@ plainto_tsquery('bridgeway_english', :text)");
    }
    if (origin != null) {
      params.put("lat", origin.latitude());
      params.put("lon", origin.longitude());
      params.put("radius", origin.radiusMeters());
      where.append(
          " AND ((e.position IS NOT NULL"
              + " AND earth_box(ll_to_earth(:lat, :lon), :radius) @> e.position"
              + " AND earth_distance(ll_to_earth(:lat, :lon), e.position) <= :radius)"
              + " OR e.location_id IS NULL");
      if (origin.source() != Source.POINT && origin.zip() != null) {
        // A location without coordinates counts as near when it is in the very ZIP code asked.
        params.put("originZip", origin.zip());
        where.append(" OR (e.position IS NULL AND e.postal_code = :originZip)");
      }
      where.append(")");
    }
    if (!query.needDomains().isEmpty()) {
      params.put("domains", names(query.needDomains()));
      where.append(" AND e.need_domains && CAST(:domains AS TEXT[])");
    }
    if (!query.taxonomyTermIds().isEmpty()) {
      params.put("terms", query.taxonomyTermIds().toArray(java.util.UUID[]::new));
      where.append(" AND e.taxonomy_term_ids && CAST(:terms AS UUID[])");
    }
    if (!query.costKinds().isEmpty()) {
      params.put("costs", names(query.costKinds()));
      where.append(" AND e.cost_kind = ANY(CAST(:costs AS TEXT[]))");
    }
    if (!query.languages().isEmpty()) {
      params.put("languages", equivalents(query.languages()));
      where.append(" AND e.languages && CAST(:languages AS TEXT[])");
    }
    if (openMinute != null) {
      params.put("openMinute", openMinute);
      where.append(" AND e.open_hours @> CAST(:openMinute AS INTEGER)");
    }
    if (query.hasCapacity()) {
      where.append(" AND e.open_slots > 0 AND e.capacity_updated_at >= :freshSince");
    }
    PersonFacts person = query.person();
    if (person != null) {
      eligibility(person, where, params);
    }

    String textRank =
        hasText
            ? "ts_rank('{0.1, 0.2, 0.4, 1.0}', e.search_vector,"
                + " plainto_tsquery('bridgeway_english', :text), 32)"
            : "0";
    String distance =
        origin != null
            ? "CASE WHEN e.position IS NOT NULL"
                + " THEN earth_distance(ll_to_earth(:lat, :lon), e.position) END"
            : "CAST(NULL AS DOUBLE PRECISION)";
    String sql =
        MATCHED
                .replace("{{textRank}}", textRank)
                .replace("{{distance}}", distance)
                .replace("{{where}}", where)
            + (query.withFacets() ? FACETS : NO_FACETS)
            + PAGE.replace("{{reasons}}", hasText ? TEXT_REASONS : NO_TEXT_REASONS);
    return new SearchStatement(sql, params);
  }

  private static void eligibility(
      PersonFacts person, StringBuilder where, Map<String, Object> params) {
    if (person.age() != null) {
      params.put("age", person.age());
      where.append(
          " AND (e.minimum_age IS NULL OR e.minimum_age <= :age)"
              + " AND (e.maximum_age IS NULL OR e.maximum_age >= :age)");
    }
    if (person.gender() != null) {
      params.put("gender", person.gender().name());
      where.append(" AND (cardinality(e.genders) = 0 OR :gender = ANY(e.genders))");
    }
    if (person.supervisionType() != null) {
      params.put("supervisionType", person.supervisionType().name());
      where.append(
          " AND (cardinality(e.supervision_types) = 0 OR :supervisionType ="
              + " ANY(e.supervision_types))");
    }
    if (person.supervisionLevel() != null) {
      params.put("supervisionLevel", person.supervisionLevel().name());
      where.append(
          " AND (cardinality(e.supervision_levels) = 0 OR :supervisionLevel ="
              + " ANY(e.supervision_levels))");
    }
    if (!person.offenses().isEmpty()) {
      params.put("offenses", names(person.offenses()));
      where.append(" AND NOT (e.excluded_offenses && CAST(:offenses AS TEXT[]))");
    }
    if (!person.insurance().isEmpty()) {
      // A service that states no payment sources is not excluded: most free services do not.
      params.put("insurance", names(person.insurance()));
      where.append(
          " AND (cardinality(e.insurance_accepted) = 0"
              + " OR e.insurance_accepted && CAST(:insurance AS TEXT[]))");
    }
    if (person.language() != null) {
      Set<String> codes = DirectorySearchQuery.Languages.equivalents(person.language());
      params.put("personLanguages", codes.toArray(String[]::new));
      // A service that names no language is taken to be in English.
      params.put("english", codes.contains("en"));
      where.append(
          " AND (e.languages && CAST(:personLanguages AS TEXT[])"
              + " OR (cardinality(e.languages) = 0 AND :english))");
    }
    if (person.residenceZip() != null) {
      params.put("residenceZip", person.residenceZip());
      where.append(
          " AND (cardinality(e.residency_postcodes) = 0 OR :residenceZip ="
              + " ANY(e.residency_postcodes))");
    }
  }

  private static String[] names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toArray(String[]::new);
  }

  private static String[] equivalents(Set<String> languages) {
    Set<String> codes = new LinkedHashSet<>();
    languages.forEach(code -> codes.addAll(DirectorySearchQuery.Languages.equivalents(code)));
    return codes.toArray(String[]::new);
  }

  private static final String MATCHED =
      """
      WITH matched AS MATERIALIZED (
          SELECT e.entry_id, e.service_id, e.service_name, e.need_domains, e.languages, e.cost_kind,
                 e.taxonomy_term_ids, e.open_slots, e.capacity_updated_at,
                 {{textRank}} AS text_rank,
                 {{distance}} AS distance
          FROM directory_search_entry e
          WHERE {{where}}
      ),
      scored AS (
          SELECT m.*,
                 3 * m.text_rank
                 + 2 * CASE WHEN m.distance IS NULL THEN 0 ELSE 1 / (1 + m.distance / 8046.72) END
                 + CASE WHEN m.capacity_updated_at IS NULL OR m.capacity_updated_at < :freshSince THEN 0.25
                        WHEN m.open_slots > 0 THEN 1
                        ELSE 0 END AS score,
                 count(*) OVER (PARTITION BY m.service_id) AS locations
          FROM matched m
      ),
      best AS MATERIALIZED (
          SELECT DISTINCT ON (s.service_id) s.*
          FROM scored s
          ORDER BY s.service_id, s.score DESC, s.distance NULLS LAST, s.entry_id
      ),
      page AS (
          SELECT b.* FROM best b
          ORDER BY b.score DESC, b.service_name, b.service_id
          LIMIT :limit OFFSET :offset
      ),
      """;

  private static final String NO_FACETS =
      """
      totals AS (
          SELECT (SELECT count(*) FROM best) AS total, CAST(NULL AS TEXT) AS facets
      )
      """;

  private static final String FACETS =
      """
      totals AS (
          SELECT (SELECT count(*) FROM best) AS total,
                 jsonb_build_object(
                     'needDomains', (SELECT coalesce(jsonb_agg(jsonb_build_array(x.v, x.n) ORDER BY x.n DESC, x.v), '[]')
                                     FROM (SELECT d AS v, count(*) AS n FROM best b, unnest(b.need_domains) AS d GROUP BY d) x),
                     'costKinds', (SELECT coalesce(jsonb_agg(jsonb_build_array(x.v, x.n) ORDER BY x.n DESC, x.v), '[]')
                                   FROM (SELECT b.cost_kind AS v, count(*) AS n FROM best b
                                         WHERE b.cost_kind IS NOT NULL GROUP BY b.cost_kind) x),
                     'languages', (SELECT coalesce(jsonb_agg(jsonb_build_array(x.v, x.n) ORDER BY x.n DESC, x.v), '[]')
                                   FROM (SELECT l AS v, count(*) AS n FROM best b, unnest(b.languages) AS l GROUP BY l) x),
                     'withCapacity', (SELECT count(*) FROM best b
                                      WHERE b.open_slots > 0 AND b.capacity_updated_at >= :freshSince),
                     'terms', (SELECT coalesce(jsonb_agg(jsonb_build_array(x.v, r.document ->> 'name', x.n)
                                                         ORDER BY x.n DESC, r.document ->> 'name', x.v), '[]')
                               FROM (SELECT t AS v, count(*) AS n FROM best b, unnest(b.taxonomy_term_ids) AS t
                                     GROUP BY t ORDER BY count(*) DESC, t LIMIT 10) x
                               JOIN directory_record r ON r.id = x.v)
                 )::TEXT AS facets
      )
      """;

  private static final String PAGE =
      """
      SELECT t.total, t.facets, p.score, p.distance, p.locations,
             e.entry_id, e.service_id, e.location_id, e.organization_id, e.service_name, e.alternate_name,
             e.organization_name, e.location_name, e.address, e.city, e.state_province, e.postal_code,
             e.description, e.need_domains, e.cost_kind, e.languages, e.taxonomy_term_ids, e.taxonomy_terms,
             e.minimum_age, e.maximum_age, e.genders, e.supervision_types, e.supervision_levels,
             e.insurance_accepted, e.residency_postcodes,
             e.open_slots, e.waitlist_length, e.estimated_wait_days, e.capacity_updated_at,
             e.open_hours @> CAST(:nowMinute AS INTEGER) AS open_now,
             {{reasons}}
      FROM totals t
      LEFT JOIN page p ON TRUE
      LEFT JOIN directory_search_entry e ON e.entry_id = p.entry_id
      ORDER BY p.score DESC NULLS LAST, p.service_name, p.service_id
      """;

  /**
   * Which words matched where, from the stored vector's weights (no text is parsed again): A is the
   * name, B the organization, categories and need domains, C the description and the place.
   */
  private static final String TEXT_REASONS =
      """
      ARRAY(SELECT w FROM unnest(CAST(:used AS TEXT[])) AS w
            WHERE ts_filter(e.search_vector, '{a}') @@ plainto_tsquery('bridgeway_english', w)) AS name_words,
      ARRAY(SELECT w FROM unnest(CAST(:used AS TEXT[])) AS w
            WHERE ts_filter(e.search_vector, '{b}') @@ plainto_tsquery('bridgeway_english', w)) AS about_words,
      ARRAY(SELECT w FROM unnest(CAST(:used AS TEXT[])) AS w
            WHERE ts_filter(e.search_vector, '{c}') @@ plainto_tsquery('bridgeway_english', w)) AS description_words
      """;

  private static final String NO_TEXT_REASONS =
      """
      CAST(NULL AS TEXT[]) AS name_words, CAST(NULL AS TEXT[]) AS about_words,
      CAST(NULL AS TEXT[]) AS description_words
      """;

  /**
   * Reads the words of a query, correcting each word that is not in the directory: a word is kept
   * if it is in the lexicon, if its stem is (so "counselors" stays when only "counseling" is
   * there), if it is shorter than four letters, or if it has digits; a stop word is dropped; any
   * other word is replaced by the most similar lexicon word by trigram similarity (pg_trgm, at
   * least 0.3), if there is one. Returns, for each word in order: the word, its accent-folded form
   * and the word searched for (null for a stop word).
   */
  static final String CORRECT_WORDS =
      """
      WITH typed AS (
          SELECT t.ord, t.word, unaccent(t.word) AS folded
          FROM unnest(CAST(:words AS TEXT[])) WITH ORDINALITY AS t (word, ord)
      )
      SELECT t.word, t.folded,
             CASE
                 WHEN numnode(plainto_tsquery('bridgeway_english', t.folded)) = 0 THEN NULL
                 WHEN length(t.folded) < 4 OR t.folded !~ '^[[:alpha:]]+$' THEN t.folded
                 WHEN EXISTS (SELECT 1 FROM directory_search_lexicon l WHERE l.word = t.folded) THEN t.folded
                 WHEN EXISTS (SELECT 1 FROM directory_search_lexicon l
                              WHERE l.stem = (tsvector_to_array(to_tsvector('bridgeway_english', t.folded)))[1])
                     THEN t.folded
                 ELSE coalesce((SELECT l.word FROM directory_search_lexicon l
                                WHERE l.word % t.folded
                                ORDER BY l.word <-> t.folded, l.word LIMIT 1), t.folded)
             END AS used
      FROM typed t
      ORDER BY t.ord
      """;
}
