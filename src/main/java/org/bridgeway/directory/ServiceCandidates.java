package org.bridgeway.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.geo.ZipCentroids;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's active services as matching scores them ({@link ServiceCandidate}): the services
 * that address given need domains, one service, or all of them (for an exhaustive baseline). Also
 * where a ZIP code lies, so that distances can be measured from a person's home the way the
 * directory search measures them.
 *
 * <p>The services are read from the search projection once and kept in memory with the projection's
 * version (ADR 0030): a request reads the version, one row, and reloads every service only when a
 * write has changed it since. Reading the candidates afresh for each person (a few hundred rows
 * with their arrays) took most of a recommendation's time, while the projection changes only when a
 * listing or its capacity does.
 */
@Service
public class ServiceCandidates {

  private static final String SELECT =
      """
      SELECT service_id, service_name, organization_name, location_id, latitude, longitude,
             need_domains, minimum_age, maximum_age, genders, supervision_types,
             supervision_levels, excluded_offenses, insurance_accepted, residency_postcodes,
             languages, accessibility, cost_kind, open_slots, waitlist_length,
             estimated_wait_days, capacity_updated_at
      FROM directory_search_entry
      WHERE status = 'active'
      """;

  /** The active services as of a version of the projection, in the projection's order. */
  private record Snapshot(
      long version, List<ServiceCandidate> services, Map<ServiceId, ServiceCandidate> byId) {

    static Snapshot of(long version, List<ServiceCandidate> services) {
      Map<ServiceId, ServiceCandidate> byId = new HashMap<>();
      services.forEach(s -> byId.put(s.id(), s));
      return new Snapshot(version, List.copyOf(services), byId);
    }
  }

  private final JdbcClient jdbc;
  private final ZipCentroids zips;
  private final Object loading = new Object();
  private volatile Snapshot snapshot;

  ServiceCandidates(JdbcClient jdbc, ZipCentroids zips) {
    this.jdbc = jdbc;
    this.zips = zips;
  }

  /** The active services that address at least one of the need domains, in no order. */
  @Transactional(readOnly = true)
  public List<ServiceCandidate> serving(Collection<NeedDomain> needDomains) {
    if (needDomains.isEmpty()) {
      return List.of();
    }
    List<ServiceCandidate> serving = new ArrayList<>();
    for (ServiceCandidate service : current().services()) {
      if (!Collections.disjoint(service.needDomains(), needDomains)) {
        serving.add(service);
      }
    }
    return serving;
  }

  /** The service if it is active. */
  @Transactional(readOnly = true)
  public Optional<ServiceCandidate> find(ServiceId service) {
    return Optional.ofNullable(current().byId().get(service));
  }

  /** Every active service: for baselines and reports, not for answering a request. */
  @Transactional(readOnly = true)
  public List<ServiceCandidate> all() {
    return read(jdbc.sql(SELECT));
  }

  /**
   * The services as of the projection's committed version or a later one. The version is read
   * before the services, so a copy can only be newer than its label, never older: a write committed
   * in between is read again by the next request, never missed.
   */
  private Snapshot current() {
    long version =
        jdbc.sql("SELECT version FROM directory_search_version").query(Long.class).single();
    Snapshot known = snapshot;
    if (known != null && known.version() == version) {
      return known;
    }
    synchronized (loading) {
      known = snapshot;
      if (known != null && known.version() == version) {
        return known;
      }
      Snapshot loaded = Snapshot.of(version, read(jdbc.sql(SELECT)));
      snapshot = loaded;
      return loaded;
    }
  }

  /**
   * The capacity of the active services by need domain and area (see {@link AreaCapacity}),
   * capacity counting only when reported within the 7 days before {@code asOf}.
   */
  @Transactional(readOnly = true)
  public List<AreaCapacity> capacityByArea(java.time.Instant asOf) {
    return jdbc.sql(
            """
            WITH service AS (
              SELECT DISTINCT ON (service_id) service_id, need_domains,
                     left(postal_code, 5) AS zip,
                     CASE WHEN capacity_updated_at >= :fresh THEN open_slots END AS open_slots,
                     CASE WHEN capacity_updated_at >= :fresh THEN waitlist_length END AS waitlist
              FROM directory_search_entry WHERE status = 'active'
              ORDER BY service_id, postal_code NULLS LAST, entry_id)
            SELECT domain, zip, count(*) AS services,
                   coalesce(sum(open_slots), 0) AS open_slots,
                   coalesce(sum(waitlist), 0) AS waitlist
            FROM service, unnest(need_domains) AS domain
            GROUP BY domain, zip
            """)
        .param("fresh", java.sql.Timestamp.from(asOf.minus(java.time.Duration.ofDays(7))))
        .query(
            (rs, row) ->
                new AreaCapacity(
                    NeedDomain.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5)))
        .list();
  }

  /** The center of a five-digit ZIP code, as the directory search measures from it. */
  public Optional<ServiceCandidate.Place> centerOf(String zip) {
    if (zip == null) {
      return Optional.empty();
    }
    return zips.centroid(zip).map(c -> new ServiceCandidate.Place(c.latitude(), c.longitude()));
  }

  private List<ServiceCandidate> read(JdbcClient.StatementSpec statement) {
    Map<UUID, Builder> services = new LinkedHashMap<>();
    statement
        .query(
            (ResultSet rs, int row) -> {
              UUID id = rs.getObject("service_id", UUID.class);
              Builder service = services.get(id);
              if (service == null) {
                service = new Builder(rs);
                services.put(id, service);
              }
              service.place(rs);
              return id;
            })
        .list();
    List<ServiceCandidate> result = new ArrayList<>(services.size());
    services.values().forEach(b -> result.add(b.build()));
    return result;
  }

  private static final class Builder {
    private final ServiceCandidate template;
    private final List<ServiceCandidate.Place> places = new ArrayList<>();
    private boolean located;

    Builder(ResultSet rs) throws SQLException {
      Integer slots = (Integer) rs.getObject("open_slots");
      OffsetDateTime updated = rs.getObject("capacity_updated_at", OffsetDateTime.class);
      ServiceCandidate.Capacity capacity =
          slots == null || updated == null
              ? null
              : new ServiceCandidate.Capacity(
                  slots,
                  rs.getInt("waitlist_length"),
                  (Integer) rs.getObject("estimated_wait_days"),
                  updated.toInstant());
      String cost = rs.getString("cost_kind");
      template =
          new ServiceCandidate(
              new ServiceId(rs.getObject("service_id", UUID.class)),
              rs.getString("service_name"),
              rs.getString("organization_name"),
              codes(rs.getArray("need_domains"), NeedDomain.class),
              (Integer) rs.getObject("minimum_age"),
              (Integer) rs.getObject("maximum_age"),
              codes(rs.getArray("genders"), Gender.class),
              codes(rs.getArray("supervision_types"), SupervisionType.class),
              codes(rs.getArray("supervision_levels"), SupervisionLevel.class),
              codes(rs.getArray("excluded_offenses"), OffenseCategory.class),
              codes(rs.getArray("insurance_accepted"), InsuranceCoverage.class),
              Set.of(strings(rs.getArray("residency_postcodes"))),
              Set.of(strings(rs.getArray("languages"))),
              codes(rs.getArray("accessibility"), AccessibilityFeature.class),
              cost == null ? null : parse(CostKind.class, cost),
              capacity,
              List.of(),
              false);
    }

    void place(ResultSet rs) throws SQLException {
      if (rs.getObject("location_id") != null) {
        located = true;
      }
      double latitude = rs.getDouble("latitude");
      boolean hasLatitude = !rs.wasNull();
      double longitude = rs.getDouble("longitude");
      if (hasLatitude && !rs.wasNull()) {
        places.add(new ServiceCandidate.Place(latitude, longitude));
      }
    }

    ServiceCandidate build() {
      ServiceCandidate t = template;
      return new ServiceCandidate(
          t.id(),
          t.name(),
          t.organizationName(),
          t.needDomains(),
          t.minimumAge(),
          t.maximumAge(),
          t.genders(),
          t.supervisionTypes(),
          t.supervisionLevels(),
          t.excludedOffenses(),
          t.insuranceAccepted(),
          t.residencyPostcodes(),
          t.languages(),
          t.accessibility(),
          t.costKind(),
          t.capacity(),
          places,
          !located);
    }
  }

  private static String[] strings(Array array) throws SQLException {
    if (array == null) {
      return new String[0];
    }
    Object[] values = (Object[]) array.getArray();
    String[] result = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (String) values[i];
    }
    return java.util.Arrays.stream(result).distinct().toArray(String[]::new);
  }

  /** Codes of an enum, skipping any the code no longer knows (an old import), never failing. */
  private static <E extends Enum<E>> Set<E> codes(Array array, Class<E> type) throws SQLException {
    Set<E> result = EnumSet.noneOf(type);
    for (String code : strings(array)) {
      E value = parse(type, code);
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String code) {
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
