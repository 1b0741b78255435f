package org.bridgeway.directory.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearch;
import org.bridgeway.directory.DirectorySearchException;
import org.bridgeway.directory.DirectorySearchFacets;
import org.bridgeway.directory.DirectorySearchHit;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.Near;
import org.bridgeway.directory.DirectorySearchQuery.OpenAt;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.directory.DirectorySearchReason;
import org.bridgeway.directory.DirectorySearchResult;
import org.bridgeway.directory.DirectorySearchResult.Correction;
import org.bridgeway.directory.DirectorySearchResult.Origin;
import org.bridgeway.directory.DirectorySearchResult.Source;
import org.bridgeway.directory.geo.Coordinates;
import org.bridgeway.directory.geo.ZipCentroids;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs directory searches over the search projection: one statement that reads the projection's
 * version (and keeps plans, see {@link #prepare}), one to correct the spelling of words not
 * corrected before at that version, and one for the page, its total and its facets.
 */
@Service
class DirectorySearchService implements DirectorySearch {

  /** A five-digit ZIP code, optionally ZIP+4, standing alone in an address. */
  private static final Pattern ZIP_IN_ADDRESS =
      Pattern.compile("(?<![\\d-])(\\d{5})(?:-\\d{4})?(?![\\d-])");

  private static final double METERS_PER_MILE = 1609.344;

  /** Words whose correction is kept, at most; more (a flood of nonsense words) start again. */
  private static final int MAX_KEPT_WORDS = 20_000;

  private final JdbcClient jdbc;
  private final ZipCentroids zipCentroids;
  private volatile KeptCorrections kept = new KeptCorrections(Long.MIN_VALUE);
  private final Clock clock;
  private final ZoneId zone;

  DirectorySearchService(
      JdbcClient jdbc, ZipCentroids zipCentroids, Clock clock, SearchProperties properties) {
    this.jdbc = jdbc;
    this.zipCentroids = zipCentroids;
    this.clock = clock;
    this.zone = properties.timeZone() != null ? properties.timeZone() : clock.getZone();
  }

  @Override
  @Transactional(readOnly = true)
  public DirectorySearchResult search(DirectorySearchQuery query) {
    List<FieldViolation> violations = query.violations();
    if (!violations.isEmpty()) {
      throw new DirectorySearchException(violations);
    }
    Origin origin = origin(query.near());
    long version = prepare(jdbc);
    Words words = correct(DirectorySearchQuery.words(query.text()), version);
    Instant now = clock.instant();
    int nowMinute =
        new OpenAt(
                ZonedDateTime.ofInstant(now, zone).getDayOfWeek(),
                ZonedDateTime.ofInstant(now, zone).toLocalTime())
            .minuteOfWeek();
    Integer openMinute =
        query.openNow()
            ? Integer.valueOf(nowMinute)
            : query.openAt() != null ? Integer.valueOf(query.openAt().minuteOfWeek()) : null;
    Instant freshSince = now.minus(Capacity.FRESHNESS);
    SearchStatement statement =
        SearchStatement.of(
            query,
            words.used().isEmpty() ? null : String.join(" ", words.used()),
            words.used(),
            origin,
            openMinute,
            nowMinute,
            freshSince);

    List<Row> rows =
        jdbc.sql(statement.sql())
            .params(statement.params())
            .query((rs, n) -> row(rs, query, origin, openMinute != null, freshSince))
            .list();
    Row first = rows.getFirst();
    List<DirectorySearchHit> hits =
        rows.stream().map(Row::hit).filter(java.util.Objects::nonNull).toList();
    return new DirectorySearchResult(
        hits,
        first.total(),
        query.page(),
        query.size(),
        query.withFacets() ? facets(first.facets()) : null,
        words.used(),
        words.corrections(),
        origin);
  }

  /**
   * Reads the projection's version (ADR 0030) and has this transaction's prepared statements keep
   * one plan for all parameter values, in one statement. Planning the search statement took three
   * times as long as running it (1.7 ms against 0.6 ms at the county profile), and PostgreSQL
   * planned it anew for each search because a plan made for the values at hand looked cheaper; the
   * search table is small and its filters are all indexed alike, so the plan made once does as
   * well. Only for the search's own transaction: elsewhere the values do matter (date ranges,
   * skewed agencies).
   */
  static long prepare(JdbcClient jdbc) {
    return jdbc.sql(
            "SELECT set_config('plan_cache_mode', 'force_generic_plan', true), version"
                + " FROM directory_search_version")
        .query((rs, n) -> rs.getLong(2))
        .single();
  }

  /** The point a search measures from: coordinates, a ZIP code's center, or an address's ZIP. */
  Origin origin(Near near) {
    if (near == null) {
      return null;
    }
    return switch (near) {
      case Near.Point point ->
          new Origin(point.latitude(), point.longitude(), point.radiusMiles(), Source.POINT, null);
      case Near.ZipCode zip -> {
        Coordinates center =
            zipCentroids
                .centroid(zip.zip())
                .orElseThrow(
                    () -> rejected("zip", "Unknown", "is not a ZIP code the Census knows (ZCTA)"));
        yield new Origin(
            center.latitude(), center.longitude(), zip.radiusMiles(), Source.ZIP, zip.zip());
      }
      case Near.Address address -> {
        String zip =
            zipIn(address.address())
                .orElseThrow(
                    () ->
                        rejected(
                            "address",
                            "NoZipCode",
                            "must include a five-digit ZIP code: addresses are placed by their"
                                + " ZIP code"));
        Coordinates center =
            zipCentroids
                .centroid(zip)
                .orElseThrow(
                    () ->
                        rejected(
                            "address",
                            "UnknownZipCode",
                            "has a ZIP code the Census does not know"));
        yield new Origin(
            center.latitude(), center.longitude(), address.radiusMiles(), Source.ADDRESS, zip);
      }
    };
  }

  /** The last five-digit number standing alone in an address: where ZIP codes are written. */
  static java.util.Optional<String> zipIn(String address) {
    Matcher matcher = ZIP_IN_ADDRESS.matcher(address);
    String zip = null;
    while (matcher.find()) {
      zip = matcher.group(1);
    }
    return java.util.Optional.ofNullable(zip);
  }

  private static DirectorySearchException rejected(String field, String code, String message) {
    return new DirectorySearchException(List.of(new FieldViolation(field, code, message)));
  }

  /** The words searched for, after spelling correction. */
  record Words(List<String> used, List<Correction> corrections) {}

  /**
   * What a typed word is searched as: its folded form, and what replaces it (itself when it is in
   * the directory, its nearest word otherwise, null when it means nothing to the search).
   */
  private record Typed(String folded, String replacement) {}

  /**
   * The corrections worked out at one version of the projection: the lexicon changes only with it,
   * so a word corrected once is corrected the same way until the version changes. Read after the
   * version, a correction can be newer than its label but never older.
   */
  private record KeptCorrections(long version, ConcurrentHashMap<String, Typed> words) {
    KeptCorrections(long version) {
      this(version, new ConcurrentHashMap<>());
    }
  }

  Words correct(List<String> typed, long version) {
    if (typed.isEmpty()) {
      return new Words(List.of(), List.of());
    }
    KeptCorrections current = kept;
    if (current.version() != version) {
      current = new KeptCorrections(version);
      kept = current;
    }
    ConcurrentHashMap<String, Typed> known = current.words();
    Map<String, Typed> found = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String word : typed) {
      Typed t = known.get(word);
      if (t != null) {
        found.put(word, t);
      } else if (!unknown.contains(word)) {
        unknown.add(word);
      }
    }
    if (!unknown.isEmpty()) {
      jdbc.sql(SearchStatement.CORRECT_WORDS)
          .param("words", unknown.toArray(String[]::new))
          .query(
              rs -> {
                found.put(rs.getString(1), new Typed(rs.getString(2), rs.getString(3)));
              });
      if (known.size() > MAX_KEPT_WORDS) {
        known.clear();
      }
      unknown.forEach(word -> known.put(word, found.getOrDefault(word, new Typed(word, null))));
    }
    List<String> used = new ArrayList<>();
    List<Correction> corrections = new ArrayList<>();
    for (String word : typed) {
      Typed t = found.get(word);
      if (t != null && t.replacement() != null) {
        used.add(t.replacement());
        if (!t.replacement().equals(t.folded())) {
          corrections.add(new Correction(word, t.replacement()));
        }
      }
    }
    return new Words(used, corrections);
  }

  private record Row(long total, String facets, DirectorySearchHit hit) {}

  private Row row(
      ResultSet rs, DirectorySearchQuery query, Origin origin, boolean openFilter, Instant fresh)
      throws SQLException {
    long total = rs.getLong("total");
    String facets = rs.getString("facets");
    UUID serviceId = rs.getObject("service_id", UUID.class);
    if (serviceId == null) {
      return new Row(total, facets, null);
    }
    Set<NeedDomain> domains = enums(rs.getArray("need_domains"), NeedDomain.class);
    String costKindName = rs.getString("cost_kind");
    CostKind costKind = costKindName == null ? null : CostKind.valueOf(costKindName);
    List<String> languages = strings(rs.getArray("languages"));
    Timestamp capacityAt = rs.getTimestamp("capacity_updated_at");
    DirectorySearchHit.Capacity capacity =
        capacityAt == null
            ? null
            : new DirectorySearchHit.Capacity(
                rs.getInt("open_slots"),
                rs.getInt("waitlist_length"),
                (Integer) rs.getObject("estimated_wait_days"),
                capacityAt.toInstant(),
                capacityAt.toInstant().isBefore(fresh));
    Double distance = (Double) rs.getObject("distance");
    UUID locationId = rs.getObject("location_id", UUID.class);

    List<DirectorySearchReason> reasons = new ArrayList<>();
    textReason(reasons, "text.name", rs.getArray("name_words"));
    textReason(reasons, "text.about", rs.getArray("about_words"));
    textReason(reasons, "text.description", rs.getArray("description_words"));
    if (!query.needDomains().isEmpty()) {
      EnumSet<NeedDomain> served = EnumSet.noneOf(NeedDomain.class);
      served.addAll(domains);
      served.retainAll(query.needDomains());
      reasons.add(
          new DirectorySearchReason("needDomain", served.stream().map(Enum::name).toList()));
    }
    List<String> termNames = strings(rs.getArray("taxonomy_terms"));
    if (!query.taxonomyTermIds().isEmpty()) {
      Array termIdArray = rs.getArray("taxonomy_term_ids");
      UUID[] termIds = termIdArray == null ? new UUID[0] : (UUID[]) termIdArray.getArray();
      List<String> matched = new ArrayList<>();
      for (int i = 0; i < termIds.length && i < termNames.size(); i++) {
        if (query.taxonomyTermIds().contains(termIds[i])) {
          matched.add(termNames.get(i));
        }
      }
      reasons.add(new DirectorySearchReason("taxonomyTerm", matched));
    }
    if (origin != null) {
      if (locationId == null) {
        reasons.add(DirectorySearchReason.of("remote"));
      } else if (distance != null) {
        reasons.add(
            DirectorySearchReason.of(
                "distance", String.format(Locale.ROOT, "%.1f", distance / METERS_PER_MILE)));
      } else {
        reasons.add(DirectorySearchReason.of("sameZip", origin.zip()));
      }
    }
    if (openFilter) {
      reasons.add(DirectorySearchReason.of(query.openNow() ? "openNow" : "openAt"));
    }
    if (query.hasCapacity() && capacity != null) {
      reasons.add(DirectorySearchReason.of("capacity", Integer.toString(capacity.openSlots())));
    }
    if (!query.costKinds().isEmpty() && costKind != null) {
      reasons.add(DirectorySearchReason.of("cost", costKind.name()));
    }
    if (!query.languages().isEmpty()) {
      reasons.add(new DirectorySearchReason("language", languages));
    }
    PersonFacts person = query.person();
    if (person != null) {
      eligibilityReasons(rs, person, languages, reasons);
    }

    DirectorySearchHit hit =
        new DirectorySearchHit(
            serviceId,
            rs.getString("service_name"),
            rs.getString("alternate_name"),
            rs.getObject("organization_id", UUID.class),
            rs.getString("organization_name"),
            locationId,
            rs.getString("location_name"),
            rs.getString("address"),
            rs.getString("city"),
            rs.getString("state_province"),
            rs.getString("postal_code"),
            distance,
            Math.max(0, rs.getInt("locations") - 1),
            rs.getString("description"),
            domains,
            costKind,
            languages,
            termNames,
            capacity,
            (Boolean) rs.getObject("open_now"),
            rs.getDouble("score"),
            reasons);
    return new Row(total, facets, hit);
  }

  private static void eligibilityReasons(
      ResultSet rs, PersonFacts person, List<String> languages, List<DirectorySearchReason> reasons)
      throws SQLException {
    if (person.age() != null) {
      Integer minimum = (Integer) rs.getObject("minimum_age");
      Integer maximum = (Integer) rs.getObject("maximum_age");
      reasons.add(
          DirectorySearchReason.of(
              "eligible.age",
              person.age().toString(),
              minimum == null ? "" : minimum.toString(),
              maximum == null ? "" : maximum.toString()));
    }
    if (person.gender() != null) {
      reasons.add(DirectorySearchReason.of("eligible.gender", person.gender().name()));
    }
    if (person.supervisionType() != null) {
      reasons.add(
          DirectorySearchReason.of("eligible.supervisionType", person.supervisionType().name()));
    }
    if (person.supervisionLevel() != null) {
      reasons.add(
          DirectorySearchReason.of("eligible.supervisionLevel", person.supervisionLevel().name()));
    }
    if (!person.offenses().isEmpty()) {
      reasons.add(DirectorySearchReason.of("eligible.offenses"));
    }
    if (!person.insurance().isEmpty()) {
      List<String> accepted = strings(rs.getArray("insurance_accepted"));
      List<String> matching =
          person.insurance().stream().map(Enum::name).filter(accepted::contains).sorted().toList();
      reasons.add(
          matching.isEmpty()
              ? DirectorySearchReason.of("eligible.insuranceNotStated")
              : new DirectorySearchReason("eligible.insurance", matching));
    }
    if (person.language() != null) {
      reasons.add(
          DirectorySearchReason.of(
              languages.isEmpty() ? "eligible.languageAssumed" : "eligible.language",
              person.language()));
    }
    if (person.residenceZip() != null) {
      reasons.add(DirectorySearchReason.of("eligible.residence", person.residenceZip()));
    }
  }

  private static void textReason(List<DirectorySearchReason> reasons, String code, Array words)
      throws SQLException {
    List<String> matched = strings(words);
    if (!matched.isEmpty()) {
      reasons.add(new DirectorySearchReason(code, matched));
    }
  }

  private static DirectorySearchFacets facets(String json) {
    JsonNode node = JsonMapper.shared().readTree(json);
    List<DirectorySearchFacets.Count<NeedDomain>> domains = new ArrayList<>();
    node.get("needDomains")
        .forEach(
            pair ->
                domains.add(
                    new DirectorySearchFacets.Count<>(
                        NeedDomain.valueOf(pair.get(0).stringValue()), pair.get(1).longValue())));
    List<DirectorySearchFacets.Count<CostKind>> costs = new ArrayList<>();
    node.get("costKinds")
        .forEach(
            pair ->
                costs.add(
                    new DirectorySearchFacets.Count<>(
                        CostKind.valueOf(pair.get(0).stringValue()), pair.get(1).longValue())));
    List<DirectorySearchFacets.Count<String>> languages = new ArrayList<>();
    node.get("languages")
        .forEach(
            pair ->
                languages.add(
                    new DirectorySearchFacets.Count<>(
                        pair.get(0).stringValue(), pair.get(1).longValue())));
    List<DirectorySearchFacets.TermCount> terms = new ArrayList<>();
    node.get("terms")
        .forEach(
            triple ->
                terms.add(
                    new DirectorySearchFacets.TermCount(
                        UUID.fromString(triple.get(0).stringValue()),
                        triple.get(1).isNull() ? "" : triple.get(1).stringValue(),
                        triple.get(2).longValue())));
    return new DirectorySearchFacets(
        domains, costs, languages, node.get("withCapacity").longValue(), terms);
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return java.util.Arrays.stream((String[]) array.getArray())
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
    Set<E> values = EnumSet.noneOf(type);
    for (String name : strings(array)) {
      try {
        values.add(Enum.valueOf(type, name));
      } catch (IllegalArgumentException unknown) {
        // A code this version does not know (written by a newer one): not shown.
      }
    }
    return values;
  }
}
