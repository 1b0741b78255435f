package org.bridgeway.directory.profile;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The service profiles, with optimistic locking on every save. */
@Repository
public class ServiceProfiles {

  private static final String COLUMNS =
      "service_id, need_domains, minimum_age, maximum_age, genders, supervision_types,"
          + " supervision_levels, excluded_offenses, insurance_accepted, residency_postcodes,"
          + " languages, accessibility, cost_kind, unit_cost, cost_unit, version";

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  ServiceProfiles(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  public Optional<ServiceProfile> find(UUID serviceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM directory_service_profile WHERE service_id = ?")
        .param(serviceId)
        .query(ServiceProfiles::read)
        .optional();
  }

  public List<ServiceProfile> findAll(Collection<UUID> serviceIds) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM directory_service_profile WHERE service_id = ANY(?)")
        .param(serviceIds.toArray(UUID[]::new))
        .query(ServiceProfiles::read)
        .list();
  }

  /**
   * Saves a profile. The profile's version must be the stored one (0 for a new profile); the saved
   * profile comes back with the next version.
   *
   * @throws OptimisticLockingFailureException if someone saved the profile in between
   */
  public ServiceProfile save(ServiceProfile profile, Instant at) {
    int next = profile.version() + 1;
    int rows =
        jdbc.sql(
                "INSERT INTO directory_service_profile (service_id, need_domains, minimum_age,"
                    + " maximum_age, genders, supervision_types, supervision_levels,"
                    + " excluded_offenses, insurance_accepted, residency_postcodes, languages,"
                    + " accessibility, cost_kind, unit_cost, cost_unit, version, modified_at)"
                    + " VALUES (:id, :domains, :min, :max, :genders, :types, :levels, :excluded,"
                    + " :insurance, :postcodes, :languages, :accessibility, :costKind, :unitCost,"
                    + " :costUnit, :next, :at)"
                    + " ON CONFLICT (service_id) DO UPDATE SET need_domains = excluded.need_domains,"
                    + " minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age,"
                    + " genders = excluded.genders, supervision_types = excluded.supervision_types,"
                    + " supervision_levels = excluded.supervision_levels,"
                    + " excluded_offenses = excluded.excluded_offenses,"
                    + " insurance_accepted = excluded.insurance_accepted,"
                    + " residency_postcodes = excluded.residency_postcodes,"
                    + " languages = excluded.languages, accessibility = excluded.accessibility,"
                    + " cost_kind = excluded.cost_kind, unit_cost = excluded.unit_cost,"
                    + " cost_unit = excluded.cost_unit, version = excluded.version,"
                    + " modified_at = excluded.modified_at"
                    + " WHERE directory_service_profile.version = :version")
            .param("id", profile.serviceId())
            .param("domains", names(profile.needDomains()))
            .param("min", profile.minimumAge())
            .param("max", profile.maximumAge())
            .param("genders", names(profile.genders()))
            .param("types", names(profile.supervisionTypes()))
            .param("levels", names(profile.supervisionLevels()))
            .param("excluded", names(profile.excludedOffenses()))
            .param("insurance", names(profile.insuranceAccepted()))
            .param(
                "postcodes", profile.residencyPostcodes().stream().sorted().toArray(String[]::new))
            .param("languages", profile.languages().stream().sorted().toArray(String[]::new))
            .param("accessibility", names(profile.accessibility()))
            .param("costKind", profile.costKind() == null ? null : profile.costKind().name())
            .param("unitCost", profile.unitCost())
            .param("costUnit", profile.costUnit())
            .param("next", next)
            .param("at", Timestamp.from(at))
            .param("version", profile.version())
            .update();
    if (rows == 0) {
      throw new OptimisticLockingFailureException(
          "The profile of service " + profile.serviceId() + " was changed by someone else");
    }
    return new ServiceProfile(
        profile.serviceId(),
        profile.needDomains(),
        profile.minimumAge(),
        profile.maximumAge(),
        profile.genders(),
        profile.supervisionTypes(),
        profile.supervisionLevels(),
        profile.excludedOffenses(),
        profile.insuranceAccepted(),
        profile.residencyPostcodes(),
        profile.languages(),
        profile.accessibility(),
        profile.costKind(),
        profile.unitCost(),
        profile.costUnit(),
        next);
  }

  /**
   * Creates or replaces many profiles at once, whatever their stored versions: the bulk path of the
   * data generator. A profile equal to the stored one is left alone; a changed one gets the next
   * version. Goes through COPY; runs inside the caller's transaction.
   *
   * @return how many profiles were created or changed
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int saveAll(Collection<ServiceProfile> profiles, Instant at) {
    if (profiles.isEmpty()) {
      return 0;
    }
    BulkCopy copy = new BulkCopy();
    for (ServiceProfile profile : profiles) {
      copy.cell(profile.serviceId())
          .array(List.of(names(profile.needDomains())))
          .cell(profile.minimumAge())
          .cell(profile.maximumAge())
          .array(List.of(names(profile.genders())))
          .array(List.of(names(profile.supervisionTypes())))
          .array(List.of(names(profile.supervisionLevels())))
          .array(List.of(names(profile.excludedOffenses())))
          .array(List.of(names(profile.insuranceAccepted())))
          .array(profile.residencyPostcodes().stream().sorted().toList())
          .array(profile.languages().stream().sorted().toList())
          .array(List.of(names(profile.accessibility())))
          .cell(profile.costKind() == null ? null : profile.costKind().name())
          .cell(profile.unitCost() == null ? null : profile.unitCost().toPlainString())
          .cell(profile.costUnit())
          .endRow();
    }
    String columns =
        "service_id, need_domains, minimum_age, maximum_age, genders, supervision_types,"
            + " supervision_levels, excluded_offenses, insurance_accepted, residency_postcodes,"
            + " languages, accessibility, cost_kind, unit_cost, cost_unit";
    return copy.load(
            dataSource,
            "service_id UUID, need_domains TEXT[], minimum_age INTEGER, maximum_age INTEGER,"
                + " genders TEXT[], supervision_types TEXT[], supervision_levels TEXT[],"
                + " excluded_offenses TEXT[], insurance_accepted TEXT[], residency_postcodes TEXT[],"
                + " languages TEXT[], accessibility TEXT[], cost_kind TEXT, unit_cost NUMERIC(12, 2),"
                + " cost_unit TEXT",
            "directory_service_profile_stage",
            columns,
            "INSERT INTO directory_service_profile ("
                + columns
                + ", version, modified_at) SELECT DISTINCT ON (service_id) "
                + columns
                + ", 1, '"
                + at
                + "'::TIMESTAMPTZ FROM directory_service_profile_stage ORDER BY service_id"
                + " ON CONFLICT (service_id) DO UPDATE SET need_domains = excluded.need_domains,"
                + " minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age,"
                + " genders = excluded.genders, supervision_types = excluded.supervision_types,"
                + " supervision_levels = excluded.supervision_levels,"
                + " excluded_offenses = excluded.excluded_offenses,"
                + " insurance_accepted = excluded.insurance_accepted,"
                + " residency_postcodes = excluded.residency_postcodes,"
                + " languages = excluded.languages, accessibility = excluded.accessibility,"
                + " cost_kind = excluded.cost_kind, unit_cost = excluded.unit_cost,"
                + " cost_unit = excluded.cost_unit, version = directory_service_profile.version + 1,"
                + " modified_at = excluded.modified_at"
                + " WHERE (directory_service_profile.need_domains, directory_service_profile.minimum_age,"
                + " directory_service_profile.maximum_age, directory_service_profile.genders,"
                + " directory_service_profile.supervision_types,"
                + " directory_service_profile.supervision_levels,"
                + " directory_service_profile.excluded_offenses,"
                + " directory_service_profile.insurance_accepted,"
                + " directory_service_profile.residency_postcodes, directory_service_profile.languages,"
                + " directory_service_profile.accessibility, directory_service_profile.cost_kind,"
                + " directory_service_profile.unit_cost, directory_service_profile.cost_unit)"
                + " IS DISTINCT FROM (excluded.need_domains, excluded.minimum_age,"
                + " excluded.maximum_age, excluded.genders, excluded.supervision_types,"
                + " excluded.supervision_levels, excluded.excluded_offenses,"
                + " excluded.insurance_accepted, excluded.residency_postcodes, excluded.languages,"
                + " excluded.accessibility, excluded.cost_kind, excluded.unit_cost,"
                + " excluded.cost_unit)")[0];
  }

  private static String[] names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toArray(String[]::new);
  }

  private static ServiceProfile read(ResultSet rs, int row) throws SQLException {
    String costKind = rs.getString("cost_kind");
    BigDecimal unitCost = rs.getBigDecimal("unit_cost");
    return new ServiceProfile(
        rs.getObject("service_id", UUID.class),
        enums(rs.getArray("need_domains"), NeedDomain.class),
        (Integer) rs.getObject("minimum_age"),
        (Integer) rs.getObject("maximum_age"),
        enums(rs.getArray("genders"), Gender.class),
        enums(rs.getArray("supervision_types"), SupervisionType.class),
        enums(rs.getArray("supervision_levels"), SupervisionLevel.class),
        enums(rs.getArray("excluded_offenses"), OffenseCategory.class),
        enums(rs.getArray("insurance_accepted"), InsuranceCoverage.class),
        strings(rs.getArray("residency_postcodes")),
        strings(rs.getArray("languages")),
        enums(rs.getArray("accessibility"), AccessibilityFeature.class),
        costKind == null ? null : CostKind.valueOf(costKind),
        unitCost,
        rs.getString("cost_unit"),
        rs.getInt("version"));
  }

  static Set<String> strings(Array array) throws SQLException {
    return array == null ? Set.of() : Set.of((String[]) array.getArray());
  }

  static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
    Function<String, E> parse = name -> Enum.valueOf(type, name);
    return strings(array).stream()
        .map(parse)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
  }

  static String[] sorted(String[] values) {
    Arrays.sort(values);
    return values;
  }
}
