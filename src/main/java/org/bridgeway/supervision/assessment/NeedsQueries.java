package org.bridgeway.supervision.assessment;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.CaseloadNeeds;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonNeeds;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.person.PersonRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of assessments that other modules and pages use; see {@code SupervisionNeeds}. */
@Service
public class NeedsQueries {

  /** The most people one caseload query takes. */
  public static final int MAX_PEOPLE = 1000;

  /** Highest severity first; then criminogenic before stabilization needs; then domain order. */
  public static final Comparator<Map.Entry<NeedDomain, NeedSeverity>> HIGHEST_NEED_FIRST =
      Comparator.<Map.Entry<NeedDomain, NeedSeverity>, NeedSeverity>comparing(Map.Entry::getValue)
          .reversed()
          .thenComparing(entry -> !entry.getKey().criminogenic())
          .thenComparing(Map.Entry::getKey);

  private final Assessments assessments;
  private final ResponsivityFactors responsivity;
  private final PersonRecords people;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  NeedsQueries(
      Assessments assessments,
      ResponsivityFactors responsivity,
      PersonRecords people,
      JdbcClient jdbc,
      AuditTrail audit) {
    this.assessments = assessments;
    this.responsivity = responsivity;
    this.people = people;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public PersonNeeds latest(BridgewayPrincipal principal, PersonId person) {
    people.visible(principal, person);
    audit.record(
        AuditEvent.success("supervision.needs.read")
            .withRecord("person", person.value())
            .withPerson(person.value()));
    return latestForSystem(person);
  }

  @Transactional(readOnly = true)
  public PersonNeeds latestForSystem(PersonId person) {
    List<Assessment> all = assessments.ofPerson(person);
    if (all.isEmpty()) {
      return new PersonNeeds(person, null, null, null, Map.of(), responsivity.latestOf(person));
    }
    Assessment latest = all.getFirst();
    Map<NeedDomain, NeedSeverity> needs = new LinkedHashMap<>();
    Map<NeedDomain, NeedSeverity> unordered = new EnumMap<>(NeedDomain.class);
    latest.results().forEach((domain, result) -> unordered.put(domain, result.severity()));
    unordered.entrySet().stream()
        .sorted(HIGHEST_NEED_FIRST)
        .forEach(entry -> needs.put(entry.getKey(), entry.getValue()));
    return new PersonNeeds(
        person,
        latest.id(),
        latest.assessedOn(),
        latest.riskLevel(),
        needs,
        responsivity.latestOf(person));
  }

  @Transactional
  public Map<PersonId, CaseloadNeeds> caseload(
      BridgewayPrincipal principal, Collection<PersonId> persons, LocalDate asOf) {
    if (persons.size() > MAX_PEOPLE) {
      throw new IllegalArgumentException("At most " + MAX_PEOPLE + " people at once");
    }
    if (persons.isEmpty()) {
      return Map.of();
    }
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    List<UUID> ids = persons.stream().map(PersonId::value).distinct().toList();
    Map<PersonId, CaseloadNeeds> found = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT p.id, l.risk_level, l.next_due_on, ARRAY(SELECT d.severity || ':' ||"
                + " d.domain FROM supervision_assessment_domain d WHERE d.assessment_id = l.id AND"
                + " d.severity <> 'NONE') AS needs FROM supervision_person p LEFT JOIN LATERAL"
                + " (SELECT a.id, a.risk_level, a.next_due_on FROM supervision_assessment a WHERE"
                + " a.person_id = p.id ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1) l"
                + " ON TRUE WHERE p.id IN (:ids) AND "
                + CaseloadAccess.VISIBLE)
        .params(scope.parameters())
        .param("ids", ids)
        .query(
            rs -> {
              PersonId person = new PersonId(rs.getObject("id", UUID.class));
              String risk = rs.getString("risk_level");
              Date due = rs.getDate("next_due_on");
              LocalDate nextDue = due == null ? null : due.toLocalDate();
              found.put(
                  person,
                  new CaseloadNeeds(
                      person,
                      risk == null ? null : RiskLevel.valueOf(risk),
                      topNeeds(rs.getArray("needs")),
                      nextDue,
                      nextDue == null || nextDue.isBefore(asOf)));
            });
    audit.record(
        AuditEvent.success("supervision.needs.caseload")
            .withDetail("count", Integer.toString(found.size())));
    return found;
  }

  private static List<NeedDomain> topNeeds(Array array) throws java.sql.SQLException {
    Map<NeedDomain, NeedSeverity> needs = new EnumMap<>(NeedDomain.class);
    if (array != null) {
      for (Object value : (Object[]) array.getArray()) {
        String[] parts = value.toString().split(":", 2);
        needs.put(NeedDomain.valueOf(parts[1]), NeedSeverity.valueOf(parts[0]));
      }
    }
    List<NeedDomain> top = new ArrayList<>();
    needs.entrySet().stream()
        .sorted(HIGHEST_NEED_FIRST)
        .limit(3)
        .forEach(entry -> top.add(entry.getKey()));
    return top;
  }

  /** The latest assessment of a person, if any; for services that checked access themselves. */
  Optional<Assessment> latestOf(PersonId person) {
    return assessments.ofPerson(person).stream().findFirst();
  }

  /** See {@code SupervisionNeeds#openCaseNeedsByArea}. */
  @Transactional(readOnly = true)
  public List<org.bridgeway.supervision.AreaNeed> openCaseNeedsByArea(UUID agency) {
    return jdbc.sql(
            """
            WITH open_people AS (
              SELECT DISTINCT person_id FROM supervision_case
              WHERE status = 'OPEN' AND (CAST(:agency AS uuid) IS NULL OR organization_id = :agency)),
            latest AS (
              SELECT DISTINCT ON (a.person_id) a.person_id, a.id
              FROM supervision_assessment a JOIN open_people o ON o.person_id = a.person_id
              ORDER BY a.person_id, a.assessed_on DESC, a.recorded_at DESC),
            home AS (
              SELECT DISTINCT ON (ad.person_id) ad.person_id, left(ad.postal_code, 5) AS zip
              FROM supervision_person_address ad JOIN open_people o ON o.person_id = ad.person_id
              WHERE ad.valid_to IS NULL
              ORDER BY ad.person_id, ad.position)
            SELECT d.domain, h.zip, count(*) AS people
            FROM latest l
            JOIN supervision_assessment_domain d
              ON d.assessment_id = l.id AND d.severity IN ('MODERATE', 'HIGH')
            LEFT JOIN home h ON h.person_id = l.person_id
            GROUP BY d.domain, h.zip
            """)
        .param("agency", agency, java.sql.Types.OTHER)
        .query(
            (rs, row) ->
                new org.bridgeway.supervision.AreaNeed(
                    NeedDomain.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
        .list();
  }
}
