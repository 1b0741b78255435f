package org.bridgeway.directory.openreferral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.directory.geo.Coordinates;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.directory.profile.BridgewayTaxonomy.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SQL of the {@code /hsds} API's lists: which ids match a filter, in which order, how many.
 * Filters run over {@code directory_record} (documents, {@code links}, {@code modified_at}) and the
 * profile and capacity tables, with the indexes of migration V8; the records themselves are then
 * loaded in batches through {@code HsdsRecords}.
 */
@Repository
class OpenReferralQueries {

  private static final JsonMapper JSON = JsonMapper.shared();

  /** How each Bridgeway term shows in the profile table: the attribute exists when this holds. */
  private static final Map<Term, String> PROFILE_TERMS = new EnumMap<>(Term.class);

  /** The same for the capacity table. */
  private static final Map<Term, String> CAPACITY_TERMS = new EnumMap<>(Term.class);

  static {
    PROFILE_TERMS.put(Term.NEED_DOMAIN, "cardinality(p.need_domains) > 0");
    PROFILE_TERMS.put(Term.MINIMUM_AGE, "p.minimum_age IS NOT NULL");
    PROFILE_TERMS.put(Term.MAXIMUM_AGE, "p.maximum_age IS NOT NULL");
    PROFILE_TERMS.put(Term.GENDER, "cardinality(p.genders) > 0");
    PROFILE_TERMS.put(Term.SUPERVISION_TYPE, "cardinality(p.supervision_types) > 0");
    PROFILE_TERMS.put(Term.SUPERVISION_LEVEL, "cardinality(p.supervision_levels) > 0");
    PROFILE_TERMS.put(Term.EXCLUDED_OFFENSE, "cardinality(p.excluded_offenses) > 0");
    PROFILE_TERMS.put(Term.INSURANCE_ACCEPTED, "cardinality(p.insurance_accepted) > 0");
    PROFILE_TERMS.put(Term.RESIDENCY_POSTCODE, "cardinality(p.residency_postcodes) > 0");
    PROFILE_TERMS.put(Term.LANGUAGE, "cardinality(p.languages) > 0");
    PROFILE_TERMS.put(Term.ACCESSIBILITY, "cardinality(p.accessibility) > 0");
    PROFILE_TERMS.put(Term.COST_KIND, "p.cost_kind IS NOT NULL");
    PROFILE_TERMS.put(Term.UNIT_COST, "p.unit_cost IS NOT NULL");
    PROFILE_TERMS.put(Term.COST_UNIT, "p.cost_unit IS NOT NULL");
    CAPACITY_TERMS.put(Term.CAPACITY_OPEN_SLOTS, "TRUE");
    CAPACITY_TERMS.put(Term.CAPACITY_WAITLIST_LENGTH, "TRUE");
    CAPACITY_TERMS.put(Term.CAPACITY_ESTIMATED_WAIT_DAYS, "k.estimated_wait_days IS NOT NULL");
    CAPACITY_TERMS.put(Term.CAPACITY_UPDATED_AT, "TRUE");
  }

  private final JdbcClient jdbc;

  OpenReferralQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The type of a stored record, if there is one with this id. */
  Optional<HsdsType> typeOf(UUID id) {
    return jdbc.sql("SELECT resource_type FROM directory_record WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .flatMap(HsdsType::bySchemaName);
  }

  // ---------------------------------------------------------------------------------------------
  // services

  private static final String SERVICES =
      "FROM directory_record s WHERE s.resource_type = 'service'";

  long countServices(ServiceFilter filter, Coordinates near) {
    SqlConditions sql = serviceConditions(filter, near);
    return count(sql.withClause() + "SELECT count(*) " + SERVICES + sql.andConditions(), sql);
  }

  /** Ids of matching services by name; {@code limit} null for all of them. */
  List<UUID> services(ServiceFilter filter, Coordinates near, Long offset, Integer limit) {
    SqlConditions sql = serviceConditions(filter, near);
    return ids(
        sql.withClause()
            + "SELECT s.id "
            + SERVICES
            + sql.andConditions()
            + " ORDER BY s.document ->> 'name', s.id"
            + page(sql, offset, limit),
        sql);
  }

  private static SqlConditions serviceConditions(ServiceFilter filter, Coordinates near) {
    SqlConditions sql = new SqlConditions();
    for (String word : filter.words()) {
      sql.where(
          "directory_openreferral_text(s.document) LIKE directory_openreferral_fold("
              + sql.bind(likePattern(word))
              + ")");
    }
    if (filter.organizationId() != null) {
      sql.where("s.organization_id = " + sql.bind(filter.organizationId()));
    }
    if (filter.taxonomyTermId() != null) {
      String term = sql.bind(filter.taxonomyTermId());
      List<String> any = new ArrayList<>();
      any.add("s.id IN (" + attributeLinksOfTerm(term) + ")");
      bridgewayTerm(filter.taxonomyTermId())
          .ifPresent(t -> any.add("s.id IN " + bridgewayServices(List.of(t))));
      sql.where(String.join(" OR ", any));
    }
    if (filter.taxonomyId() != null) {
      String taxonomy = sql.bind(filter.taxonomyId());
      List<String> any = new ArrayList<>();
      any.add("s.id IN (" + attributeLinksOfTaxonomy(taxonomy) + ")");
      if (filter.taxonomyId().equals(BridgewayTaxonomy.TAXONOMY_ID)) {
        any.add("s.id IN " + bridgewayServices(List.of(Term.values())));
      }
      sql.where(String.join(" OR ", any));
    }
    if (filter.modifiedAfter() != null) {
      sql.with("changed", changedSince(sql.bind(Timestamp.from(filter.modifiedAfter()))));
      sql.where("s.id IN (SELECT id FROM changed)");
    }
    if (filter.postcode() != null && near == null) {
      String zip = sql.bind(filter.postcode());
      sql.where(
          "s.id IN (SELECT * FROM "
              + servicesCovering(zip)
              + " covering UNION ALL "
              + pointingToAny("service_at_location", locationsWithPostcode(zip))
              + ")");
    }
    if (near != null) {
      sql.where(
          "s.id IN "
              + pointingToAny(
                  "service_at_location", locationsWithin(sql, near, filter.proximityMeters())));
    }
    return sql;
  }

  // ---------------------------------------------------------------------------------------------
  // services at locations

  private static final String SERVICES_AT_LOCATIONS =
      "FROM directory_record sal"
          + " JOIN directory_record s ON s.id = directory_openreferral_uuid(sal.document ->> 'service_id')"
          + " AND s.resource_type = 'service'"
          + " WHERE sal.resource_type = 'service_at_location'";

  /** The location of a service at location: joined only to order by distance. */
  private static final String WITH_LOCATION =
      "FROM directory_record sal"
          + " JOIN directory_record s ON s.id = directory_openreferral_uuid(sal.document ->> 'service_id')"
          + " AND s.resource_type = 'service'"
          + " JOIN directory_record l ON l.id = directory_openreferral_uuid(sal.document ->> 'location_id')"
          + " AND l.resource_type = 'location'"
          + " WHERE sal.resource_type = 'service_at_location'";

  private static final String LOCATION_ID =
      "directory_openreferral_uuid(sal.document ->> 'location_id')";

  long countServicesAtLocations(ServiceFilter filter, Coordinates near) {
    SqlConditions sql = serviceAtLocationConditions(filter, near);
    return count(
        sql.withClause() + "SELECT count(*) " + SERVICES_AT_LOCATIONS + sql.andConditions(), sql);
  }

  /**
   * Ids of matching services at locations: nearest first when measured from a ZIP centroid, else by
   * service name; {@code limit} null for all of them.
   */
  List<UUID> servicesAtLocations(
      ServiceFilter filter, Coordinates near, Long offset, Integer limit) {
    SqlConditions sql = serviceAtLocationConditions(filter, near);
    String order =
        near == null
            ? " ORDER BY s.document ->> 'name', sal.id"
            : " ORDER BY " + distance(sql, "l", near) + ", s.document ->> 'name', sal.id";
    return ids(
        sql.withClause()
            + "SELECT sal.id "
            + (near == null ? SERVICES_AT_LOCATIONS : WITH_LOCATION)
            + sql.andConditions()
            + order
            + page(sql, offset, limit),
        sql);
  }

  private static SqlConditions serviceAtLocationConditions(ServiceFilter filter, Coordinates near) {
    SqlConditions sql = new SqlConditions();
    for (String word : filter.words()) {
      sql.where(
          "directory_openreferral_text(s.document) LIKE directory_openreferral_fold("
              + sql.bind(likePattern(word))
              + ")");
    }
    if (filter.organizationId() != null) {
      sql.where("s.organization_id = " + sql.bind(filter.organizationId()));
    }
    if (filter.taxonomyTermId() != null) {
      String term = sql.bind(filter.taxonomyTermId());
      sql.with("term_links", attributeLinksOfTerm(term));
      List<String> any = new ArrayList<>();
      any.add("sal.id IN (SELECT * FROM term_links)");
      any.add("s.id IN (SELECT * FROM term_links)");
      bridgewayTerm(filter.taxonomyTermId())
          .ifPresent(t -> any.add("s.id IN " + bridgewayServices(List.of(t))));
      sql.where(String.join(" OR ", any));
    }
    if (filter.taxonomyId() != null) {
      String taxonomy = sql.bind(filter.taxonomyId());
      sql.with("taxonomy_links", attributeLinksOfTaxonomy(taxonomy));
      List<String> any = new ArrayList<>();
      any.add("sal.id IN (SELECT * FROM taxonomy_links)");
      any.add("s.id IN (SELECT * FROM taxonomy_links)");
      if (filter.taxonomyId().equals(BridgewayTaxonomy.TAXONOMY_ID)) {
        any.add("s.id IN " + bridgewayServices(List.of(Term.values())));
      }
      sql.where(String.join(" OR ", any));
    }
    if (filter.modifiedAfter() != null) {
      sql.with("changed", changedSince(sql.bind(Timestamp.from(filter.modifiedAfter()))));
      sql.where(
          "sal.id IN (SELECT id FROM changed) OR s.id IN (SELECT id FROM changed) OR "
              + LOCATION_ID
              + " IN (SELECT id FROM changed)");
    }
    if (filter.postcode() != null && near == null) {
      String zip = sql.bind(filter.postcode());
      // One GIN probe of links (service or location): the planner starts from the few matches.
      sql.where(
          "sal.id IN (SELECT x.id FROM directory_record x"
              + " WHERE x.resource_type = 'service_at_location' AND x.links && ARRAY(SELECT * FROM "
              + servicesCovering(zip)
              + " covering UNION ALL SELECT * FROM "
              + locationsWithPostcode(zip)
              + " located))");
    }
    if (near != null) {
      sql.where(
          "sal.id IN (SELECT x.id FROM directory_record x"
              + " WHERE x.resource_type = 'service_at_location' AND x.links && ARRAY"
              + locationsWithin(sql, near, filter.proximityMeters())
              + ")");
    }
    return sql;
  }

  // ---------------------------------------------------------------------------------------------
  // organizations

  private static final String ORGANIZATIONS =
      "FROM directory_record o WHERE o.resource_type = 'organization'";

  long countOrganizations(List<String> words) {
    SqlConditions sql = organizationConditions(words);
    return count("SELECT count(*) " + ORGANIZATIONS + sql.andConditions(), sql);
  }

  List<UUID> organizations(List<String> words, Long offset, Integer limit) {
    SqlConditions sql = organizationConditions(words);
    return ids(
        "SELECT o.id "
            + ORGANIZATIONS
            + sql.andConditions()
            + " ORDER BY o.document ->> 'name', o.id"
            + page(sql, offset, limit),
        sql);
  }

  private static SqlConditions organizationConditions(List<String> words) {
    SqlConditions sql = new SqlConditions();
    for (String word : words) {
      sql.where(
          "directory_openreferral_text(o.document) LIKE directory_openreferral_fold("
              + sql.bind(likePattern(word))
              + ")");
    }
    return sql;
  }

  /** Ids of the services of the given organizations, by name. */
  List<UUID> servicesOf(Collection<UUID> organizations) {
    if (organizations.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT s.id FROM directory_record s WHERE s.resource_type = 'service'"
                + " AND s.organization_id = ANY(:organizations)"
                + " ORDER BY s.document ->> 'name', s.id")
        .param("organizations", organizations.toArray(UUID[]::new))
        .query(UUID.class)
        .list();
  }

  // ---------------------------------------------------------------------------------------------
  // taxonomies and terms: the stored ones and Bridgeway's own, which live in code

  private static final String TAXONOMIES =
      "taxonomy AS (SELECT t.id, t.document FROM directory_record t"
          + " WHERE t.resource_type = 'taxonomy' AND t.id <> ALL(:own_ids)"
          + " UNION ALL SELECT CAST(e ->> 'id' AS UUID), e"
          + " FROM jsonb_array_elements(CAST(:own AS JSONB)) e)";

  private static final String TERMS =
      "term AS (SELECT t.id, t.document FROM directory_record t"
          + " WHERE t.resource_type = 'taxonomy_term' AND t.id <> ALL(:own_ids)"
          + " UNION ALL SELECT CAST(e ->> 'id' AS UUID), e"
          + " FROM jsonb_array_elements(CAST(:own AS JSONB)) e)";

  long countTaxonomies(List<String> words) {
    SqlConditions sql = taxonomyConditions(words);
    return count(
        "WITH " + TAXONOMIES + " SELECT count(*) FROM taxonomy t WHERE TRUE" + sql.andConditions(),
        own(sql, HsdsType.TAXONOMY));
  }

  List<HsdsRecord> taxonomies(List<String> words, Long offset, Integer limit) {
    SqlConditions sql = taxonomyConditions(words);
    return documents(
        "WITH "
            + TAXONOMIES
            + " SELECT t.id, t.document::text FROM taxonomy t WHERE TRUE"
            + sql.andConditions()
            + " ORDER BY t.document ->> 'name', t.id"
            + page(sql, offset, limit),
        own(sql, HsdsType.TAXONOMY),
        HsdsType.TAXONOMY);
  }

  private static SqlConditions taxonomyConditions(List<String> words) {
    SqlConditions sql = new SqlConditions();
    for (String word : words) {
      sql.where(
          "directory_openreferral_fold(concat_ws(' ', t.document ->> 'name',"
              + " t.document ->> 'description')) LIKE directory_openreferral_fold("
              + sql.bind(likePattern(word))
              + ")");
    }
    return sql;
  }

  long countTerms(TaxonomyTermFilter filter) {
    SqlConditions sql = termConditions(filter);
    return count(
        "WITH " + TERMS + " SELECT count(*) FROM term t WHERE TRUE" + sql.andConditions(),
        own(sql, HsdsType.TAXONOMY_TERM));
  }

  List<HsdsRecord> terms(TaxonomyTermFilter filter, Long offset, Integer limit) {
    SqlConditions sql = termConditions(filter);
    return documents(
        "WITH "
            + TERMS
            + " SELECT t.id, t.document::text FROM term t WHERE TRUE"
            + sql.andConditions()
            + " ORDER BY t.document ->> 'name', t.id"
            + page(sql, offset, limit),
        own(sql, HsdsType.TAXONOMY_TERM),
        HsdsType.TAXONOMY_TERM);
  }

  private static SqlConditions termConditions(TaxonomyTermFilter filter) {
    SqlConditions sql = new SqlConditions();
    for (String word : filter.words()) {
      sql.where(
          "directory_openreferral_fold(concat_ws(' ', t.document ->> 'code',"
              + " t.document ->> 'name', t.document ->> 'description'))"
              + " LIKE directory_openreferral_fold("
              + sql.bind(likePattern(word))
              + ")");
    }
    if (filter.taxonomyId() != null) {
      sql.where(
          "directory_openreferral_uuid(t.document ->> 'taxonomy_id') = "
              + sql.bind(filter.taxonomyId()));
    }
    if (filter.parentId() != null) {
      sql.where(
          "directory_openreferral_uuid(t.document ->> 'parent_id') = "
              + sql.bind(filter.parentId()));
    }
    if (filter.topOnly()) {
      sql.where("directory_openreferral_uuid(t.document ->> 'parent_id') IS NULL");
    }
    return sql;
  }

  /** Binds Bridgeway's own records of a type, which replace any stored copy of them. */
  private static SqlConditions own(SqlConditions sql, HsdsType type) {
    ArrayNode own = JSON.createArrayNode();
    List<UUID> ids = new ArrayList<>();
    for (HsdsRecord record : BridgewayTaxonomy.taxonomyRecords()) {
      if (record.type() == type) {
        own.add(record.document());
        ids.add(record.id());
      }
    }
    sql.params().put("own", JSON.writeValueAsString(own));
    sql.params().put("own_ids", ids.toArray(UUID[]::new));
    return sql;
  }

  // ---------------------------------------------------------------------------------------------
  // last modified

  /**
   * When each service, or anything attached to it, last changed: the service's record, any record
   * that points to it (phones, schedules, service areas, services at locations, attributes...), its
   * profile or its capacity. This is both the {@code last_modified} the API shows and what {@code
   * modified_after} compares.
   */
  Map<UUID, Instant> lastModified(Collection<UUID> services) {
    Map<UUID, Instant> modified = new HashMap<>();
    if (services.isEmpty()) {
      return modified;
    }
    jdbc.sql(
            "SELECT s.id, GREATEST(s.modified_at, c.modified_at, p.modified_at, k.updated_at)"
                + " FROM directory_record s"
                // One GIN probe per service; "+ INTERVAL '0'" keeps the planner from walking the
                // modified_at index backwards in search of a maximum.
                + " LEFT JOIN LATERAL (SELECT max(r.modified_at + INTERVAL '0 seconds') AS modified_at"
                + " FROM directory_record r"
                + " WHERE r.links @> ARRAY[s.id] AND r.resource_type <> 'metadata') c ON TRUE"
                + " LEFT JOIN directory_service_profile p ON p.service_id = s.id"
                + " LEFT JOIN directory_capacity k ON k.service_id = s.id"
                + " WHERE s.id = ANY(:ids)")
        .param("ids", services.toArray(UUID[]::new))
        .query(
            rs -> {
              modified.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
            });
    return modified;
  }

  // ---------------------------------------------------------------------------------------------
  // building blocks

  /** Ids that changed since a time: changed records and whatever they point to. */
  private static String changedSince(String since) {
    return "SELECT r.id FROM directory_record r WHERE r.modified_at >= "
        + since
        + " AND r.resource_type <> 'metadata'"
        + " UNION ALL SELECT unnest(r.links) FROM directory_record r WHERE r.modified_at >= "
        + since
        + " AND r.resource_type <> 'metadata'"
        + " UNION ALL SELECT p.service_id FROM directory_service_profile p WHERE p.modified_at >= "
        + since
        + " UNION ALL SELECT k.service_id FROM directory_capacity k WHERE k.updated_at >= "
        + since;
  }

  /** What attributes of a term link to (their {@code link_id}, and the term itself). */
  private static String attributeLinksOfTerm(String term) {
    return "SELECT unnest(a.links) FROM directory_record a WHERE a.resource_type = 'attribute'"
        + " AND a.links @> ARRAY[CAST("
        + term
        + " AS UUID)]";
  }

  /** What attributes of any term of a taxonomy link to. */
  private static String attributeLinksOfTaxonomy(String taxonomy) {
    return "SELECT unnest(a.links) FROM directory_record a WHERE a.resource_type = 'attribute'"
        + " AND a.links && ARRAY(SELECT t.id FROM directory_record t"
        + " WHERE t.resource_type = 'taxonomy_term' AND t.links @> ARRAY[CAST("
        + taxonomy
        + " AS UUID)])";
  }

  private static Optional<Term> bridgewayTerm(UUID id) {
    for (Term term : Term.values()) {
      if (term.id().equals(id)) {
        return Optional.of(term);
      }
    }
    return Optional.empty();
  }

  /** Services whose profile or capacity gives them an attribute of any of these terms. */
  private static String bridgewayServices(Collection<Term> terms) {
    List<String> profile = terms.stream().map(PROFILE_TERMS::get).filter(p -> p != null).toList();
    List<String> capacity = terms.stream().map(CAPACITY_TERMS::get).filter(c -> c != null).toList();
    List<String> parts = new ArrayList<>();
    if (!profile.isEmpty()) {
      parts.add(
          "SELECT p.service_id FROM directory_service_profile p WHERE "
              + String.join(" OR ", profile));
    }
    if (!capacity.isEmpty()) {
      parts.add(
          "SELECT k.service_id FROM directory_capacity k WHERE " + String.join(" OR ", capacity));
    }
    return "(" + String.join(" UNION ALL ", parts) + ")";
  }

  /**
   * Services that say they serve a ZIP code: their profile's residency rule names it, or one of
   * their HSDS service areas names it (in its name, description or a text extent).
   */
  private static String servicesCovering(String zip) {
    return "(SELECT p.service_id FROM directory_service_profile p"
        + " WHERE p.residency_postcodes @> ARRAY[CAST("
        + zip
        + " AS TEXT)]"
        + " UNION ALL SELECT directory_openreferral_uuid(a.document ->> 'service_id')"
        + " FROM directory_record a WHERE a.resource_type = 'service_area'"
        + " AND concat_ws(' ', a.document ->> 'name', a.document ->> 'description',"
        + " a.document ->> 'extent') ~ ('(^|[^0-9])' || "
        + zip
        + " || '([^0-9]|$)'))";
  }

  /**
   * What records of a type point to, for those that point to any of the given ids: through the
   * GIN-indexed {@code links}, so a handful of ids costs one index probe, not a join.
   */
  private static String pointingToAny(String type, String ids) {
    return "(SELECT unnest(x.links) FROM directory_record x WHERE x.resource_type = '"
        + type
        + "' AND x.links && ARRAY"
        + ids
        + ")";
  }

  /** Locations with an address in a ZIP code. */
  private static String locationsWithPostcode(String zip) {
    return "(SELECT directory_openreferral_uuid(ad.document ->> 'location_id')"
        + " FROM directory_record ad WHERE ad.resource_type = 'address'"
        + " AND left(btrim(ad.document ->> 'postal_code'), 5) = "
        + zip
        + ")";
  }

  /**
   * Locations within a distance of a point: those in a GiST-indexed bounding box first (on
   * earthdistance's slightly larger sphere, hence the margin), then at the exact distance.
   */
  private static String locationsWithin(SqlConditions sql, Coordinates near, double meters) {
    return "(SELECT x.id FROM directory_record x WHERE x.resource_type = 'location'"
        + " AND earth_box(ll_to_earth("
        + sql.bind(near.latitude())
        + ", "
        + sql.bind(near.longitude())
        + "), "
        + sql.bind(meters * 1.01 + 1)
        + ") @> directory_openreferral_position(x.document) AND "
        + distance(sql, "x", near)
        + " <= "
        + sql.bind(meters)
        + ")";
  }

  private static String distance(SqlConditions sql, String alias, Coordinates near) {
    return "directory_openreferral_meters("
        + sql.bind(near.latitude())
        + ", "
        + sql.bind(near.longitude())
        + ", directory_openreferral_degrees("
        + alias
        + ".document -> 'latitude', 90), directory_openreferral_degrees("
        + alias
        + ".document -> 'longitude', 180))";
  }

  /** A LIKE pattern that finds the word anywhere, its own wildcards taken literally. */
  static String likePattern(String word) {
    StringBuilder pattern = new StringBuilder("%");
    for (char c : word.toCharArray()) {
      if (c == '%' || c == '_' || c == '\\') {
        pattern.append('\\');
      }
      pattern.append(c);
    }
    return pattern.append('%').toString();
  }

  private static String page(SqlConditions sql, Long offset, Integer limit) {
    if (limit == null) {
      return "";
    }
    return " LIMIT " + sql.bind(limit) + " OFFSET " + sql.bind(offset == null ? 0L : offset);
  }

  private long count(String query, SqlConditions sql) {
    return jdbc.sql(query).params(sql.params()).query(Long.class).single();
  }

  private List<UUID> ids(String query, SqlConditions sql) {
    return jdbc.sql(query).params(sql.params()).query(UUID.class).list();
  }

  private List<HsdsRecord> documents(String query, SqlConditions sql, HsdsType type) {
    return jdbc.sql(query)
        .params(sql.params())
        .query(
            (rs, n) ->
                new HsdsRecord(
                    type, rs.getObject(1, UUID.class), (ObjectNode) JSON.readTree(rs.getString(2))))
        .list();
  }
}
