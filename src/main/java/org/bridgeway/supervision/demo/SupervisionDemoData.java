package org.bridgeway.supervision.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.ConditionStatus;
import org.bridgeway.supervision.caseload.Conditions;
import org.bridgeway.supervision.caseload.Offense;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.caseload.Teams;
import org.bridgeway.supervision.office.Office;
import org.bridgeway.supervision.office.OfficeDetails;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.ContactPreferences;
import org.bridgeway.supervision.person.EmergencyContact;
import org.bridgeway.supervision.person.Ethnicity;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.People;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.QuietHours;
import org.bridgeway.supervision.person.Race;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo agency's people on supervision: a few dozen people with open (and some closed) cases,
 * about a third of them on the demo officer's caseload and the rest with colleagues, on two teams
 * (the demo supervisor leads the demo officer's). Deterministic from the demo seed; after the
 * directory step. The county-scale generator is a later step.
 */
@Component
@Profile("demo")
class SupervisionDemoData implements DemoDataStep {

  static final int PEOPLE = 36;
  static final String DOMAIN = "@demo.bridgeway.example";

  private static final String[] GIVEN = {
    "Marcus", "Latoya", "Jose", "Brittany", "Dwayne", "Guadalupe", "Kevin", "Ashley", "Tran",
    "Robert", "Crystal", "William", "Shanice", "Miguel", "Amber", "Terrence", "Yolanda", "Cody",
    "Destiny", "Rafael", "Heather", "DeShawn", "Maria", "Travis"
  };
  private static final String[] FAMILY = {
    "Washington",
    "Hernandez",
    "Miller",
    "Nguyen",
    "Jackson",
    "Ramirez",
    "Thompson",
    "Flores",
    "Harris",
    "Sanchez",
    "Lewis",
    "Torres",
    "Walker",
    "Rivera",
    "Young",
    "Cruz",
    "King",
    "Morales",
    "Wright",
    "Ortiz",
    "Scott",
    "Gutierrez",
    "Green",
    "Castillo"
  };
  private static final String[] STREETS = {
    "Magnolia Ave", "Arlington Ave", "Van Buren Blvd", "University Ave", "Market St",
    "Mission Inn Ave", "La Sierra Ave", "Indiana Ave", "Central Ave", "Jurupa Ave"
  };
  private static final String[] POSTCODES = {"92501", "92503", "92504", "92505", "92506", "92507"};

  private final StaffDirectory staff;
  private final People people;
  private final Cases cases;
  private final Conditions conditions;
  private final Teams teams;
  private final OfficeRecords offices;
  private final Clock clock;

  SupervisionDemoData(
      StaffDirectory staff,
      People people,
      Cases cases,
      Conditions conditions,
      Teams teams,
      OfficeRecords offices,
      Clock clock) {
    this.staff = staff;
    this.people = people;
    this.cases = cases;
    this.conditions = conditions;
    this.teams = teams;
    this.offices = offices;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    Optional<StaffMember> officer = staff.findByEmail("officer" + DOMAIN);
    Optional<StaffMember> supervisor = staff.findByEmail("supervisor" + DOMAIN);
    if (officer.isEmpty() || supervisor.isEmpty()) {
      return;
    }
    OrganizationId agency = officer.get().organization();
    if (people.existsById(personId(demo, 0))) {
      announce(demo);
      return;
    }
    List<UserId> colleagues = new ArrayList<>();
    List<UserId> otherSupervisors = new ArrayList<>();
    for (int n = 0; n < 16; n++) {
      staff
          .findByEmail("staff0-" + n + DOMAIN)
          .filter(member -> member.organization().equals(agency))
          .ifPresent(
              member -> {
                if (member.has(Role.OFFICER)) {
                  colleagues.add(member.id());
                } else if (member.has(Role.SUPERVISOR)) {
                  otherSupervisors.add(member.id());
                }
              });
    }
    List<UserId> caseloads = new ArrayList<>();
    caseloads.add(officer.get().id());
    caseloads.addAll(colleagues.subList(0, Math.min(5, colleagues.size())));
    formTeams(agency, officer.get().id(), supervisor.get().id(), colleagues, otherSupervisors);
    Map<UserId, OfficeId> homes =
        openOffices(agency, officer.get().id(), colleagues, otherSupervisors);

    Random random = demo.random("supervision-people");
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    for (int i = 0; i < PEOPLE; i++) {
      // A third on the demo officer's caseload, the rest spread over five colleagues.
      UserId assigned =
          i % 3 == 0 || caseloads.size() == 1
              ? caseloads.get(0)
              : caseloads.get(1 + (i % (caseloads.size() - 1)));
      Person person =
          Person.enter(personId(demo, i), agency, details(random, i, today), null, today, now);
      people.save(person);
      SupervisionCase opened =
          openCase(demo, random, i, person, assigned, homes.get(assigned), today, now);
      cases.save(opened);
      for (Condition condition : conditionsOf(demo, random, i, opened, today, now)) {
        conditions.save(condition);
      }
    }
    announce(demo);
  }

  /**
   * The agency's three offices: the main office downtown (the demo officer, the demo supervisor and
   * their team), and two branch offices that the other colleagues and supervisors are dealt over.
   * Answers every officer's home office.
   */
  private Map<UserId, OfficeId> openOffices(
      OrganizationId agency,
      UserId officer,
      List<UserId> colleagues,
      List<UserId> otherSupervisors) {
    BridgewayPrincipal setup = setup(agency);
    Office main = offices.mainOffice(agency);
    offices.revise(
        setup,
        main.id(),
        new OfficeDetails(
            "Riverside main office",
            "3960 Orange St",
            null,
            "Riverside",
            "CA",
            "92501",
            "951-955-2600"),
        true,
        main.version());
    List<OfficeId> branches =
        List.of(
            offices
                .open(
                    setup,
                    new OfficeDetails(
                        "Moreno Valley office",
                        "23119 Cottonwood Ave",
                        null,
                        "Moreno Valley",
                        "CA",
                        "92553",
                        "951-955-3400"))
                .id(),
            offices
                .open(
                    setup,
                    new OfficeDetails(
                        "Indio office",
                        "47-940 Arabia St",
                        null,
                        "Indio",
                        "CA",
                        "92201",
                        "760-863-8100"))
                .id());
    Map<UserId, OfficeId> homes = new HashMap<>();
    homes.put(officer, main.id());
    for (int n = 0; n < colleagues.size(); n++) {
      // The demo supervisor's team (the first two colleagues) stays downtown.
      OfficeId home = n < 2 ? main.id() : branches.get(n % branches.size());
      if (!home.equals(main.id())) {
        offices.assign(setup, colleagues.get(n), home);
      }
      homes.put(colleagues.get(n), home);
    }
    for (int n = 0; n < otherSupervisors.size(); n++) {
      offices.assign(setup, otherSupervisors.get(n), branches.get(n % branches.size()));
    }
    return homes;
  }

  private static BridgewayPrincipal setup(OrganizationId agency) {
    return BridgewayPrincipal.apiClient(
        new java.util.UUID(0, 0),
        agency,
        OrganizationKind.PROBATION_AGENCY,
        "Demo data",
        "Demo data",
        Set.of(Role.ORGANIZATION_ADMIN));
  }

  private void formTeams(
      OrganizationId agency,
      UserId officer,
      UserId supervisor,
      List<UserId> colleagues,
      List<UserId> otherSupervisors) {
    BridgewayPrincipal setup = setup(agency);
    teams.assign(setup, officer, supervisor);
    for (int n = 0; n < colleagues.size(); n++) {
      UserId lead =
          n < 2 || otherSupervisors.isEmpty()
              ? supervisor
              : otherSupervisors.get(n % otherSupervisors.size());
      teams.assign(setup, colleagues.get(n), lead);
    }
  }

  private static PersonId personId(DemoData demo, int index) {
    return new PersonId(demo.id("supervision-person:" + index));
  }

  private static PersonDetails details(Random random, int index, LocalDate today) {
    String given = GIVEN[random.nextInt(GIVEN.length)];
    String family = FAMILY[random.nextInt(FAMILY.length)];
    LocalDate birth = today.minusYears(19 + random.nextInt(45)).minusDays(random.nextInt(365));
    List<PersonName> aliases =
        random.nextInt(6) == 0
            ? List.of(new PersonName(null, null, FAMILY[random.nextInt(FAMILY.length)]))
            : List.of();
    List<Identification> identifiers = new ArrayList<>();
    identifiers.add(
        new Identification(IdentifierKind.AGENCY_ID, "RCP-%05d".formatted(10_000 + index)));
    if (random.nextBoolean()) {
      identifiers.add(
          new Identification(
              IdentifierKind.STATE_ID, "CA%08d".formatted(index * 7919 + 1_000_003)));
    }
    boolean spanish = random.nextInt(4) == 0;
    LocalDate movedIn = today.minusDays(30 + random.nextInt(900));
    List<Address> addresses = new ArrayList<>();
    if (random.nextBoolean()) {
      addresses.add(address(random, movedIn.minusYears(2), movedIn.minusDays(1)));
    }
    addresses.add(address(random, movedIn, null));
    String phone = "951-555-%04d".formatted(100 + index);
    ContactMethod method = ContactMethod.values()[random.nextInt(3)];
    QuietHours quiet =
        random.nextInt(3) == 0 ? new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)) : null;
    Set<Race> races =
        random.nextInt(5) == 0
            ? Set.of()
            : EnumSet.of(Race.values()[random.nextInt(Race.values().length - 1)]);
    return new PersonDetails(
        new PersonName(given, random.nextInt(3) == 0 ? "J" : null, family),
        aliases,
        birth,
        identifiers,
        random.nextInt(10) == 0 ? null : Gender.values()[random.nextInt(2)],
        races,
        random.nextInt(5) == 0 ? null : Ethnicity.values()[random.nextInt(2)],
        spanish ? "es" : "en",
        spanish && random.nextBoolean(),
        addresses,
        new ContactPreferences(
            phone,
            method == ContactMethod.EMAIL
                ? given.toLowerCase() + "." + index + "@example.org"
                : null,
            method,
            quiet),
        random.nextBoolean()
            ? new EmergencyContact(
                GIVEN[random.nextInt(GIVEN.length)] + " " + family,
                "Family",
                "951-555-%04d".formatted(5000 + index))
            : null);
  }

  private static Address address(Random random, LocalDate from, LocalDate to) {
    return new Address(
        (100 + random.nextInt(8900)) + " " + STREETS[random.nextInt(STREETS.length)],
        null,
        "Riverside",
        "CA",
        POSTCODES[random.nextInt(POSTCODES.length)],
        from,
        to);
  }

  private static SupervisionCase openCase(
      DemoData demo,
      Random random,
      int index,
      Person person,
      UserId officer,
      OfficeId office,
      LocalDate today,
      Instant now) {
    LocalDate start = today.minusDays(20 + random.nextInt(700));
    OffenseCategory category =
        OffenseCategory.values()[random.nextInt(OffenseCategory.values().length)];
    SupervisionCase opened =
        SupervisionCase.open(
            new CaseId(demo.id("supervision-case:" + index)),
            person.organizationId(),
            person.id(),
            new SupervisionCase.Terms(
                index % 9 == 4 ? SupervisionType.PAROLE : SupervisionType.PROBATION,
                "Riverside County Superior Court",
                "RIF%07d".formatted(2_400_000 + index * 37),
                start,
                start.plusYears(1 + random.nextInt(3)),
                SupervisionLevel.values()[random.nextInt(SupervisionLevel.values().length)],
                List.of(new Offense(category, describe(category)))),
            officer,
            office,
            Actor.system().reference(),
            now);
    if (index % 12 == 11) {
      opened.close(
          index % 24 == 23 ? ClosureReason.REVOCATION : ClosureReason.SUCCESSFUL_COMPLETION,
          today.minusDays(random.nextInt(15)));
    }
    return opened;
  }

  private static List<Condition> conditionsOf(
      DemoData demo,
      Random random,
      int index,
      SupervisionCase opened,
      LocalDate today,
      Instant now) {
    if (!opened.isOpen()) {
      return List.of();
    }
    List<Condition> set = new ArrayList<>();
    Condition reporting =
        Condition.set(
            new ConditionId(demo.id("supervision-condition:" + index + ":0")),
            opened,
            ConditionKind.FEES,
            false,
            "Pay supervision fees of $35 a month",
            now);
    reporting.record(
        random.nextInt(4) == 0 ? ConditionStatus.OUT_OF_COMPLIANCE : ConditionStatus.IN_COMPLIANCE,
        now);
    set.add(reporting);
    ConditionKind special =
        List.of(
                ConditionKind.TREATMENT,
                ConditionKind.DRUG_TESTING,
                ConditionKind.EMPLOYMENT,
                ConditionKind.CURFEW,
                ConditionKind.NO_CONTACT,
                ConditionKind.COMMUNITY_SERVICE)
            .get(random.nextInt(6));
    Condition condition =
        Condition.set(
            new ConditionId(demo.id("supervision-condition:" + index + ":1")),
            opened,
            special,
            true,
            specialText(special),
            now);
    ConditionStatus status =
        ConditionStatus.values()[random.nextInt(ConditionStatus.values().length)];
    condition.record(status, now);
    if (status != ConditionStatus.PENDING) {
      condition.note(
          today.minusDays(1 + random.nextInt(20)),
          status == ConditionStatus.OUT_OF_COMPLIANCE
              ? "Missed the last check-in; reminded of the condition."
              : "Verified with the provider.",
          Actor.system().reference(),
          now);
    }
    set.add(condition);
    return set;
  }

  static String describe(OffenseCategory category) {
    return switch (category) {
      case VIOLENT -> "Assault with a deadly weapon";
      case SEX_OFFENSE -> "Failure to register";
      case ARSON -> "Arson of property";
      case DOMESTIC_VIOLENCE -> "Corporal injury to a spouse";
      case WEAPONS -> "Possession of a firearm by a prohibited person";
      case DRUG_POSSESSION -> "Possession of a controlled substance";
      case DRUG_DISTRIBUTION -> "Possession for sale";
      case DUI -> "Driving under the influence";
      case PROPERTY -> "Second-degree burglary";
      case FRAUD -> "Identity theft";
      case PUBLIC_ORDER -> "Disorderly conduct";
    };
  }

  private static String specialText(ConditionKind kind) {
    return switch (kind) {
      case TREATMENT -> "Complete an outpatient substance-use program";
      case DRUG_TESTING -> "Submit to random drug testing";
      case EMPLOYMENT -> "Seek and keep full-time employment";
      case CURFEW -> "Be home between 22:00 and 06:00";
      case NO_CONTACT -> "No contact with the victim";
      case COMMUNITY_SERVICE -> "Complete 80 hours of community service";
      default -> "Follow the officer's directions";
    };
  }

  private static void announce(DemoData demo) {
    demo.announce(
        "People on supervision: "
            + PEOPLE
            + " in the probation department, a third of them on officer"
            + DOMAIN
            + "'s caseload (API: /api/v1/supervision/people).");
  }
}
