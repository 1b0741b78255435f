package org.bridgeway.supervision.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.NameKeys;
import org.bridgeway.supervision.person.PersonName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officer's caseload and the supervisor's team: open cases with what the officer needs at a
 * glance, in one query for the cases plus one per part that fills its columns ({@link
 * CaseloadColumns}), never one per person. Everything is read through {@link CaseloadAccess}.
 */
@Service
public class Caseload {

  /** Lines on one page. */
  public static final int PAGE_SIZE = 25;

  /** A case is ending soon when its expected end is this many days away or fewer. */
  public static final int ENDING_SOON_DAYS = 60;

  /** The most lines sorted or filtered by a column another part fills in. */
  public static final int MAX_SORTED = 1000;

  private static final Set<String> HIGH_RISK = Set.of("HIGH", "VERY_HIGH");

  private static final String SELECT =
      """
      SELECT p.id AS person_id, p.given_name, p.middle_name, p.family_name,
        c.id AS case_id, c.supervision_type, c.level, c.officer_id, c.expected_end_date,
        (SELECT i.value FROM supervision_person_identifier i WHERE i.person_id = p.id
         ORDER BY i.position LIMIT 1) AS identifier,
        (SELECT count(*) FROM supervision_condition k
         WHERE k.case_id = c.id AND k.status = 'OUT_OF_COMPLIANCE') AS out_of_compliance,
        count(*) OVER () AS total
      FROM supervision_case c
      JOIN supervision_person p ON p.id = c.person_id
      WHERE c.status = 'OPEN' AND c.organization_id = :scopeAgency AND\s""";

  private final JdbcClient jdbc;
  private final CaseloadAccess access;
  private final StaffDirectory staff;
  private final OfficeRecords offices;
  private final List<CaseloadColumns> columns;
  private final AuditTrail audit;
  private final Clock clock;

  Caseload(
      JdbcClient jdbc,
      CaseloadAccess access,
      StaffDirectory staff,
      OfficeRecords offices,
      List<CaseloadColumns> columns,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.staff = staff;
    this.offices = offices;
    this.columns = List.copyOf(columns);
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A page of a caseload: the caller's own, an officer's of the caller's team, or (for the agency's
   * administrators) any officer's or the whole agency's. Audited with the number of lines shown.
   *
   * @throws NotFoundException if the caller may not see the officer's caseload
   */
  @Transactional
  public CaseloadPage page(BridgewayPrincipal principal, CaseloadQuery query) {
    UUID officer = whoseCaseload(principal, query.officer());
    LocalDate today = LocalDate.now(clock);
    List<CaseloadLine> lines;
    long total;
    boolean truncated = false;
    if (query.needsEveryLine()) {
      List<CaseloadLine> all = fill(principal, select(principal, officer, query, today, null));
      truncated = all.size() > MAX_SORTED;
      List<CaseloadLine> kept =
          all.stream()
              .limit(MAX_SORTED)
              .filter(line -> !query.overdueOnly() || line.overdue())
              .filter(line -> !query.alertsOnly() || line.alerts() > 0)
              .filter(line -> query.risk() == null || query.risk().equals(line.flags().riskLevel()))
              .sorted(comparator(query))
              .toList();
      total = kept.size();
      int from = Math.min(kept.size(), query.page() * PAGE_SIZE);
      lines = kept.subList(from, Math.min(kept.size(), from + PAGE_SIZE));
    } else {
      Selected selected = select(principal, officer, query, today, query.page());
      lines = fill(principal, selected);
      total = selected.total();
    }
    audit.record(
        AuditEvent.success("supervision.caseload.read")
            .withDetail("officer", officer == null ? "agency" : officer.toString())
            .withDetail("results", Integer.toString(lines.size())));
    String officerName =
        officer == null || officer.equals(principal.userId())
            ? null
            : staff.find(new UserId(officer)).map(StaffMember::displayName).orElse(null);
    return new CaseloadPage(lines, total, query.page(), PAGE_SIZE, officerName, truncated);
  }

  /**
   * The workload of each officer and supervisor the caller leads (a supervisor: themselves and
   * their team; an administrator: everyone of the agency), by name. Audited.
   */
  @Transactional
  public List<OfficerWorkload> team(BridgewayPrincipal principal) {
    boolean agency = CaseloadAccess.manages(principal, principal.organization());
    List<StaffMember> members =
        staff.staffOf(principal.organization()).stream()
            .filter(m -> m.has(Role.OFFICER) || m.has(Role.SUPERVISOR))
            .filter(m -> agency || access.leads(principal.userId(), m.id().value()))
            .toList();
    LocalDate today = LocalDate.now(clock);
    CaseloadQuery everything =
        new CaseloadQuery(null, null, null, null, false, false, null, false, 0, null);
    Map<UUID, List<CaseloadLine>> byOfficer =
        fill(principal, select(principal, null, everything, today, null)).stream()
            .collect(Collectors.groupingBy(CaseloadLine::officer));
    Map<UserId, OfficeId> homes = offices.homeOffices(principal.organization());
    Map<OfficeId, String> officeNames = new HashMap<>();
    offices.officesOf(principal.organization()).forEach(o -> officeNames.put(o.id(), o.name()));
    OfficeId main = offices.mainOffice(principal.organization()).id();
    List<OfficerWorkload> workloads = new ArrayList<>();
    for (StaffMember member : members) {
      List<CaseloadLine> lines = byOfficer.getOrDefault(member.id().value(), List.of());
      workloads.add(
          new OfficerWorkload(
              member.id().value(),
              member.displayName(),
              officeNames.get(homes.getOrDefault(member.id(), main)),
              lines.size(),
              (int) lines.stream().filter(CaseloadLine::overdue).count(),
              (int) lines.stream().filter(line -> isHighRisk(line.flags().riskLevel())).count()));
    }
    audit.record(
        AuditEvent.success("supervision.team.read")
            .withDetail("officers", Integer.toString(workloads.size())));
    return workloads;
  }

  private static boolean isHighRisk(String risk) {
    return risk != null && HIGH_RISK.contains(risk);
  }

  /** Whose open cases a caseload shows: an officer, or null for the whole agency. */
  private UUID whoseCaseload(BridgewayPrincipal principal, UUID requested) {
    boolean manages = CaseloadAccess.manages(principal, principal.organization());
    if (requested == null) {
      return manages || principal.userId() == null ? null : principal.userId();
    }
    boolean allowed =
        manages
            || requested.equals(principal.userId())
            || (principal.has(Role.SUPERVISOR) && access.leads(principal.userId(), requested));
    boolean ofAgency =
        staff
            .find(new UserId(requested))
            .filter(member -> member.organization().equals(principal.organization()))
            .isPresent();
    if (!allowed || !ofAgency) {
      throw new NotFoundException("caseload");
    }
    return requested;
  }

  private record Selected(List<CaseloadLine> lines, long total) {}

  /** The one statement of a caseload page (package-private for the query-plan test). */
  static Statement statement(
      BridgewayPrincipal principal,
      UUID officer,
      CaseloadQuery query,
      LocalDate today,
      Integer page) {
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    Map<String, Object> params = new HashMap<>(scope.parameters());
    StringBuilder sql = new StringBuilder(SELECT).append(CaseloadAccess.VISIBLE);
    if (officer != null) {
      sql.append(" AND c.officer_id = :officer");
      params.put("officer", officer);
    }
    if (query.office() != null) {
      sql.append(" AND c.office_id = :office");
      params.put("office", query.office());
    }
    if (query.level() != null) {
      sql.append(" AND c.level = :level");
      params.put("level", query.level().name());
    }
    LocalDate soon = today.plusDays(ENDING_SOON_DAYS);
    if (query.endingSoon()) {
      sql.append(" AND c.expected_end_date <= :soon");
      params.put("soon", soon);
    }
    if (query.text() != null) {
      List<String> matches = new ArrayList<>();
      String key = NameKeys.key(query.text());
      if (!key.isEmpty()) {
        matches.add("(p.given_name_key || ' ' || p.family_name_key) LIKE '%' || :key || '%'");
        matches.add("(p.family_name_key || ' ' || p.given_name_key) LIKE '%' || :key || '%'");
        params.put("key", key);
      }
      String identifier = new Identification(IdentifierKind.AGENCY_ID, query.text()).key();
      if (!identifier.isEmpty()) {
        matches.add(
            "EXISTS (SELECT 1 FROM supervision_person_identifier i"
                + " WHERE i.person_id = p.id AND i.value_key = :identifier)");
        params.put("identifier", identifier);
      }
      sql.append(matches.isEmpty() ? " AND FALSE" : " AND (" + String.join(" OR ", matches) + ")");
    }
    sql.append(" ORDER BY ").append(orderBy(query)).append(", c.id");
    if (page == null) {
      sql.append(" LIMIT ").append(MAX_SORTED + 1);
    } else {
      sql.append(" LIMIT ").append(PAGE_SIZE).append(" OFFSET ").append((long) page * PAGE_SIZE);
    }
    return new Statement(sql.toString(), params);
  }

  /** A caseload query as SQL with its parameters. */
  record Statement(String sql, Map<String, Object> params) {}

  /** The matching lines: one page of them, or (page null) all of them up to one past the cap. */
  private Selected select(
      BridgewayPrincipal principal,
      UUID officer,
      CaseloadQuery query,
      LocalDate today,
      Integer page) {
    Statement statement = statement(principal, officer, query, today, page);
    LocalDate soon = today.plusDays(ENDING_SOON_DAYS);
    long[] total = {0};
    List<CaseloadLine> lines =
        jdbc.sql(statement.sql())
            .params(statement.params())
            .query(
                (rs, n) -> {
                  total[0] = rs.getLong("total");
                  LocalDate end = rs.getObject("expected_end_date", LocalDate.class);
                  return new CaseloadLine(
                      new PersonId(rs.getObject("person_id", UUID.class)),
                      new CaseId(rs.getObject("case_id", UUID.class)),
                      new PersonName(
                          rs.getString("given_name"),
                          rs.getString("middle_name"),
                          rs.getString("family_name")),
                      rs.getString("identifier"),
                      SupervisionType.valueOf(rs.getString("supervision_type")),
                      SupervisionLevel.valueOf(rs.getString("level")),
                      rs.getObject("officer_id", UUID.class),
                      end,
                      !end.isAfter(soon),
                      rs.getInt("out_of_compliance"),
                      CaseloadFlags.NONE);
                })
            .list();
    return new Selected(lines, total[0]);
  }

  private static String orderBy(CaseloadQuery query) {
    String direction = query.descending() ? " DESC" : " ASC";
    String name = "p.family_name_key" + direction + ", p.given_name_key" + direction;
    return switch (query.sort()) {
      case TYPE -> "c.supervision_type" + direction + ", " + name;
      case LEVEL ->
          "array_position(ARRAY['LOW','MODERATE','HIGH','INTENSIVE']::varchar[], c.level)"
              + direction
              + ", "
              + name;
      case END -> "c.expected_end_date" + direction + ", " + name;
      default -> name;
    };
  }

  /** The lines with every part's columns filled in: one call per part for each 1,000 lines. */
  private List<CaseloadLine> fill(BridgewayPrincipal principal, Selected selected) {
    return fill(principal, selected.lines());
  }

  private List<CaseloadLine> fill(BridgewayPrincipal principal, List<CaseloadLine> lines) {
    if (columns.isEmpty() || lines.isEmpty()) {
      return lines;
    }
    LocalDate today = LocalDate.now(clock);
    Map<CaseId, CaseloadLine> filled =
        lines.stream()
            .collect(
                Collectors.toMap(
                    CaseloadLine::supervisionCase,
                    Function.identity(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    for (int from = 0; from < lines.size(); from += MAX_SORTED) {
      List<CaseloadColumns.Line> batch =
          lines.subList(from, Math.min(lines.size(), from + MAX_SORTED)).stream()
              .map(line -> new CaseloadColumns.Line(line.supervisionCase(), line.person()))
              .toList();
      for (CaseloadColumns part : columns) {
        part.flags(principal, batch, today)
            .forEach((id, flags) -> filled.computeIfPresent(id, (k, line) -> line.with(flags)));
      }
    }
    return List.copyOf(filled.values());
  }

  private static Comparator<CaseloadLine> comparator(CaseloadQuery query) {
    Comparator<CaseloadLine> byName =
        Comparator.comparing(
                (CaseloadLine line) -> NameKeys.key(line.name().family()),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(line -> NameKeys.key(Objects.toString(line.name().given(), "")));
    Comparator<CaseloadLine> primary =
        switch (query.sort()) {
          case TYPE -> Comparator.comparing(CaseloadLine::supervisionType);
          case LEVEL -> Comparator.comparing(CaseloadLine::level);
          case RISK ->
              Comparator.comparing(
                  line -> line.flags().riskRank(),
                  Comparator.nullsFirst(Comparator.naturalOrder()));
          case NEEDS -> Comparator.comparing(line -> line.topNeeds().size());
          case NEXT_CONTACT ->
              Comparator.comparing(
                  line -> line.flags().nextContactDue(),
                  Comparator.nullsLast(Comparator.naturalOrder()));
          case ALERTS -> Comparator.comparing(CaseloadLine::alerts);
          case END -> Comparator.comparing(CaseloadLine::expectedEndDate);
          case NAME -> byName;
        };
    if (query.descending()) {
      primary = primary.reversed();
    }
    return primary.thenComparing(byName);
  }
}
