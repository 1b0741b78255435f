package org.bridgeway.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.assessment.AssessmentRecords;
import org.bridgeway.supervision.assessment.InstrumentDefinition;
import org.bridgeway.supervision.assessment.InstrumentId;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.Offense;
import org.bridgeway.supervision.caseload.OpenCase;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.contact.Contact;
import org.bridgeway.supervision.contact.ContactKind;
import org.bridgeway.supervision.contact.ContactRecords;
import org.bridgeway.supervision.contact.ContactStandards;
import org.bridgeway.supervision.importing.PeopleImportJobs;
import org.bridgeway.supervision.office.Office;
import org.bridgeway.supervision.office.OfficeDetails;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.ContactPreferences;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.plan.CasePlan;
import org.bridgeway.supervision.plan.PlanRecords;
import org.bridgeway.supervision.plan.TaskOwner;
import org.bridgeway.supervision.violation.ResponseGuide;
import org.bridgeway.supervision.violation.Violation;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationRecords;
import org.bridgeway.supervision.violation.ViolationSeverity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;

/**
 * People on supervision for tests: a person of an agency with an open case assigned to an officer,
 * and one condition on it. Each call makes new records with unique names and identifiers, entered
 * through the services as the agency's administrator would.
 */
@TestComponent
public class SupervisionFixtures {

  /** What a fixture made, with the versions a change must quote. */
  public record Supervised(
      UUID person,
      long personVersion,
      UUID supervisionCase,
      long caseVersion,
      UUID condition,
      long conditionVersion,
      UserId officer,
      LocalDate startedOn) {}

  /**
   * A supervised person with one assessment (high housing and moderate employment need) on the
   * fixture instrument, and a case plan whose first goal has one open task.
   */
  public record Planned(
      Supervised supervised,
      UUID instrument,
      UUID plan,
      long planVersion,
      UUID goal,
      UUID task,
      LocalDate createdOn) {}

  /** A record of a fixture's case, with the version a change must quote. */
  public record Versioned(UUID id, long version) {}

  private final PersonRecords people;
  private final CaseRecords cases;
  private final AssessmentRecords assessments;
  private final PlanRecords plans;

  private final ContactRecords contacts;
  private final ContactStandards standards;
  private final ViolationRecords violations;
  private final ResponseGuide guide;
  private final OfficeRecords offices;
  private final TestUsers users;
  private final Clock clock;

  /** Injected by field, so that this fixture's constructor stays as other parts use it. */
  @Autowired private PeopleImportJobs importJobs;

  SupervisionFixtures(
      PersonRecords people,
      CaseRecords cases,
      AssessmentRecords assessments,
      PlanRecords plans,
      ContactRecords contacts,
      ContactStandards standards,
      ViolationRecords violations,
      ResponseGuide guide,
      OfficeRecords offices,
      TestUsers users,
      Clock clock) {
    this.people = people;
    this.cases = cases;
    this.assessments = assessments;
    this.plans = plans;
    this.contacts = contacts;
    this.standards = standards;
    this.violations = violations;
    this.guide = guide;
    this.offices = offices;
    this.users = users;
    this.clock = clock;
  }

  /**
   * An import job of the agency, queued (tests run no scheduler): one new person, unlike anyone
   * else, uploaded by the agency's administrator.
   */
  public UUID importJob(OrganizationId agency) {
    String given = "Imp" + Long.toHexString(UUID.randomUUID().getMostSignificantBits());
    String family = "Job" + Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
    String file =
        "agency_id,given_name,family_name,date_of_birth\nI-%s,%s,%s,1981-05-06\n"
            .formatted(given.substring(3, 13), given, family);
    return importJobs.submit(
        administratorOf(agency), "fixture.csv", file.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A small instrument: housing (items {@code h1}, {@code h2}: 0 or 2 points; moderate from 2, high
   * from 4) and employment (item {@code e1}: 0, 1 or 2 points; moderate from 1, high from 2); risk
   * moderate from 2, high from 4, very high at 6.
   */
  public static InstrumentDefinition smallInstrument() {
    List<InstrumentDefinition.Option> yesNo =
        List.of(
            new InstrumentDefinition.Option("No", 0), new InstrumentDefinition.Option("Yes", 2));
    return new InstrumentDefinition(
        List.of(
            new InstrumentDefinition.Section(
                NeedDomain.HOUSING,
                List.of(
                    new InstrumentDefinition.Item("h1", "Housing question one?", yesNo),
                    new InstrumentDefinition.Item("h2", "Housing question two?", yesNo)),
                2,
                4),
            new InstrumentDefinition.Section(
                NeedDomain.EDUCATION_EMPLOYMENT,
                List.of(
                    new InstrumentDefinition.Item(
                        "e1",
                        "Work question?",
                        List.of(
                            new InstrumentDefinition.Option("Working", 0),
                            new InstrumentDefinition.Option("Part time", 1),
                            new InstrumentDefinition.Option("Not working", 2)))),
                1,
                2)),
        new InstrumentDefinition.RiskThresholds(2, 4, 6));
  }

  /** A new {@link #smallInstrument()} of the agency, defined by its administrator. */
  public UUID instrument(OrganizationId agency) {
    return assessments
        .define(administratorOf(agency), "Fixture screening", smallInstrument())
        .id()
        .value();
  }

  /** A supervised person of the agency, assessed and with a case plan; see {@link Planned}. */
  public Planned planned(OrganizationId agency) {
    Supervised supervised = supervised(agency);
    BridgewayPrincipal admin = administratorOf(agency);
    UUID instrument = instrument(agency);
    assessments.complete(
        admin,
        personId(supervised),
        new InstrumentId(instrument),
        Map.of("h1", 1, "h2", 1, "e1", 1),
        supervised.startedOn(),
        List.of());
    CasePlan plan = plans.create(admin, new CaseId(supervised.supervisionCase()));
    UUID goal = plan.goals().getFirst().id();
    plan =
        plans.addTask(
            admin,
            plan.caseId(),
            goal,
            new PlanRecords.NewTask(
                "Fill in the housing application", TaskOwner.PERSON, null, null),
            plan.version());
    return new Planned(
        supervised,
        instrument,
        plan.id().value(),
        plan.version(),
        goal,
        plan.goals().getFirst().tasks().getFirst().id(),
        plan.createdOn());
  }

  /** An office contact scheduled on the fixture's case for tomorrow, not yet recorded. */
  public Versioned scheduledContact(OrganizationId agency, Supervised supervised) {
    Contact contact =
        contacts.schedule(
            administratorOf(agency),
            new CaseId(supervised.supervisionCase()),
            ContactKind.OFFICE,
            clock.instant().plus(java.time.Duration.ofDays(1)),
            "Office 2");
    return new Versioned(contact.id().value(), contact.version());
  }

  /**
   * A low-severity technical violation on the day the fixture's case started, without a response.
   */
  public Versioned violation(OrganizationId agency, Supervised supervised) {
    Violation violation =
        violations
            .record(
                administratorOf(agency),
                new CaseId(supervised.supervisionCase()),
                new ViolationRecords.NewViolation(
                    supervised.startedOn(),
                    null,
                    ViolationKind.TECHNICAL,
                    ViolationSeverity.LOW,
                    "Missed an office visit",
                    false))
            .violation();
    return new Versioned(violation.id().value(), violation.version());
  }

  /** The version of the agency's contact standard for a level (0 while it has the default). */
  public long contactStandardVersion(OrganizationId agency, SupervisionLevel level) {
    return standards.of(agency).get(level).version();
  }

  /** The version of the agency's response range for a severity and level. */
  public long responseRangeVersion(
      OrganizationId agency, ViolationSeverity severity, SupervisionLevel level) {
    return guide.of(agency).stream()
        .filter(c -> c.range().severity() == severity && c.range().level() == level)
        .findFirst()
        .orElseThrow()
        .version();
  }

  /** A new active office of the agency, with a unique name, opened by its administrator. */
  public Versioned office(OrganizationId agency) {
    Office office =
        offices.open(
            administratorOf(agency),
            new OfficeDetails(
                "Office " + UUID.randomUUID().toString().substring(0, 13),
                "1 Fixture Way",
                null,
                "Riverside",
                "CA",
                "92501",
                null));
    return new Versioned(office.id().value(), office.version());
  }

  /** Makes the office the officer's home office. */
  public void worksFrom(OrganizationId agency, UserId officer, UUID office) {
    offices.assign(administratorOf(agency), officer, new OfficeId(office));
  }

  /** The agency's administrator, acting through an API token. */
  public static BridgewayPrincipal administratorOf(OrganizationId agency) {
    return Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
  }

  /** A new active officer of the agency. */
  public UserId officer(OrganizationId agency) {
    return users.withoutSecondFactor(agency, Role.OFFICER).id();
  }

  /** Details of a new person with a unique name and agency id. */
  public PersonDetails details(String given, String family, LocalDate birth) {
    return new PersonDetails(
        new PersonName(given, null, family),
        List.of(),
        birth,
        List.of(
            new Identification(
                IdentifierKind.AGENCY_ID, "A-" + UUID.randomUUID().toString().substring(0, 13))),
        Gender.FEMALE,
        Set.of(),
        null,
        "en",
        false,
        List.of(),
        new ContactPreferences(null, null, ContactMethod.NONE, null),
        null);
  }

  /** A person of the agency with an open case assigned to a new officer, and one condition. */
  public Supervised supervised(OrganizationId agency) {
    return supervised(agency, officer(agency));
  }

  /** A person of the agency with an open case assigned to the officer, and one condition. */
  public Supervised supervised(OrganizationId agency, UserId officer) {
    BridgewayPrincipal admin = administratorOf(agency);
    Person person =
        people.enter(
            admin,
            details(
                "Fixture" + Long.toHexString(UUID.randomUUID().getMostSignificantBits()),
                "Person" + Long.toHexString(UUID.randomUUID().getMostSignificantBits()),
                LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(5000))),
            true);
    LocalDate today = LocalDate.now(clock);
    SupervisionCase opened =
        cases.open(
            admin,
            new OpenCase(
                person.id(),
                SupervisionType.PROBATION,
                "Fixture Superior Court",
                "CR-" + UUID.randomUUID().toString().substring(0, 8),
                today.minusMonths(3),
                today.plusYears(2),
                SupervisionLevel.MODERATE,
                officer,
                List.of(new Offense(OffenseCategory.DUI, "Driving under the influence"))));
    Condition condition =
        cases.addCondition(
            admin, opened.id(), ConditionKind.DRUG_TESTING, false, "Random drug tests");
    return new Supervised(
        person.id().value(),
        person.version(),
        opened.id().value(),
        opened.version(),
        condition.id().value(),
        condition.version(),
        officer,
        opened.startDate());
  }

  public PersonId personId(Supervised supervised) {
    return new PersonId(supervised.person());
  }
}
