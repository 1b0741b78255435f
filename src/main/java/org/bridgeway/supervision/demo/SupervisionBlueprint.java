package org.bridgeway.supervision.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bridgeway.identity.GeneratedStaff;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.demo.CopyTable;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.assessment.ReviewIntervals;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.ConditionStatus;
import org.bridgeway.supervision.contact.ContactKind;
import org.bridgeway.supervision.contact.ContactOutcome;
import org.bridgeway.supervision.contact.ContactStandard;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.Ethnicity;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.NameKeys;
import org.bridgeway.supervision.person.Race;
import org.bridgeway.supervision.violation.ResponseRange;
import org.bridgeway.supervision.violation.Sanction;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationSeverity;

/**
 * An agency's people on supervision at a scale, built in memory one person at a time as table rows:
 * pure and deterministic. Every value comes from a {@link Random} seeded from the demo seed and the
 * person's index, every id from {@link DemoData#id} over the agency and the index, so the same
 * seed, agency, sizes and day give the same rows.
 *
 * <p>The rows keep the aggregates' invariants by construction: a case is open or closed with a
 * reason and a day, its first assignment is its officer at its start, a recorded contact has its
 * outcome, time and officer together, identifiers are unique in the agency (derived from the
 * index), a violation's response is within the agency's default range.
 */
final class SupervisionBlueprint {

  /** How many people and open cases a scale has (PERFORMANCE.md). */
  record Sizes(int people, int openCases) {

    Sizes {
      if (openCases < 1 || openCases > people) {
        throw new IllegalArgumentException("between 1 and people open cases");
      }
    }

    static Sizes of(Scale scale) {
      return switch (scale) {
        case DEMO -> new Sizes(500, 200);
        case COUNTY -> new Sizes(50_000, 12_000);
        case STATE -> new Sizes(1_000_000, 250_000);
      };
    }
  }

  static final int CASELOAD_MIN = 40;
  static final int CASELOAD_MAX = 90;
  static final int CASELOAD_AVERAGE = 65;

  /** The offices the generated staff work from (as many as there are officers, up to three). */
  static final String[] OFFICE_NAMES = {
    "Western County office", "Mid-County office", "Desert region office"
  };

  static final int TEAM_MIN = 6;
  static final int TEAM_MAX = 9;

  /** Contact histories of closed cases are kept this long, as a retention schedule would. */
  static final int CONTACTS_KEPT_YEARS = 5;

  /** Who the generated rows name as having written them. */
  static final String SYSTEM = Actor.system().reference();

  static final String INSTRUMENT = "Riverside County risk and needs screening (imported)";
  static final String EMAIL_DOMAIN = "generated.bridgeway.example";

  /** The domains the screening rates, in its order. */
  static final List<NeedDomain> ASSESSED =
      List.of(
          NeedDomain.EDUCATION_EMPLOYMENT,
          NeedDomain.HOUSING,
          NeedDomain.SUBSTANCE_USE,
          NeedDomain.ASSOCIATES,
          NeedDomain.ATTITUDES_COGNITION,
          NeedDomain.FAMILY_MARITAL,
          NeedDomain.MENTAL_HEALTH);

  private static final String[] MALE = {
    "Jose", "Michael", "David", "Christopher", "Daniel", "Anthony", "Robert", "Juan", "James",
    "Joseph", "Luis", "Carlos", "William", "Richard", "Jesus", "Miguel", "Francisco", "Kevin",
    "Brandon", "Eric", "Steven", "Marcus", "Anthony", "Jonathan", "Alejandro", "Dwayne", "Terrence",
    "Travis", "Cody", "Rafael", "Thomas", "Matthew", "Andrew", "Timothy", "Ricardo", "DeShawn",
    "Tuan", "Samuel", "Kenneth", "Edward"
  };
  private static final String[] FEMALE = {
    "Maria",
    "Jennifer",
    "Jessica",
    "Ashley",
    "Elizabeth",
    "Guadalupe",
    "Brittany",
    "Crystal",
    "Amber",
    "Latoya",
    "Yolanda",
    "Heather",
    "Destiny",
    "Patricia",
    "Samantha",
    "Christina",
    "Rebecca",
    "Veronica",
    "Katherine",
    "Monique",
    "Shanice",
    "Rosa",
    "Linh",
    "Victoria",
    "Angela",
    "Deborah",
    "Alicia",
    "Tiffany",
    "Susan",
    "Vanessa"
  };
  private static final String[] FAMILY = {
    "Garcia",
    "Hernandez",
    "Martinez",
    "Lopez",
    "Gonzalez",
    "Rodriguez",
    "Perez",
    "Sanchez",
    "Ramirez",
    "Torres",
    "Flores",
    "Rivera",
    "Gomez",
    "Diaz",
    "Cruz",
    "Morales",
    "Ortiz",
    "Gutierrez",
    "Reyes",
    "Castillo",
    "Mendoza",
    "Ruiz",
    "Alvarez",
    "Jimenez",
    "Vasquez",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Washington",
    "Nguyen",
    "Tran",
    "Pham",
    "Le",
    "Kim",
    "Santos",
    "Delgado"
  };
  private static final Map<String, String> NICKNAMES =
      Map.ofEntries(
          Map.entry("Jose", "Pepe"),
          Map.entry("Michael", "Mike"),
          Map.entry("David", "Dave"),
          Map.entry("Christopher", "Chris"),
          Map.entry("Daniel", "Danny"),
          Map.entry("Anthony", "Tony"),
          Map.entry("Robert", "Bobby"),
          Map.entry("James", "Jimmy"),
          Map.entry("Joseph", "Joe"),
          Map.entry("William", "Bill"),
          Map.entry("Richard", "Rick"),
          Map.entry("Francisco", "Paco"),
          Map.entry("Steven", "Steve"),
          Map.entry("Thomas", "Tommy"),
          Map.entry("Matthew", "Matt"),
          Map.entry("Andrew", "Andy"),
          Map.entry("Timothy", "Tim"),
          Map.entry("Samuel", "Sam"),
          Map.entry("Kenneth", "Kenny"),
          Map.entry("Edward", "Eddie"),
          Map.entry("Jennifer", "Jenny"),
          Map.entry("Elizabeth", "Liz"),
          Map.entry("Patricia", "Patty"),
          Map.entry("Katherine", "Kathy"),
          Map.entry("Rebecca", "Becky"),
          Map.entry("Victoria", "Vicky"),
          Map.entry("Deborah", "Debbie"),
          Map.entry("Susan", "Sue"),
          Map.entry("Samantha", "Sam"),
          Map.entry("Christina", "Tina"));

  /** Riverside County ZIP codes of the directory demo, with their city and a weight. */
  private static final String[][] PLACES = {
    {"92501", "Riverside", "6"}, {"92503", "Riverside", "8"}, {"92504", "Riverside", "6"},
    {"92505", "Riverside", "5"}, {"92506", "Riverside", "4"}, {"92507", "Riverside", "6"},
    {"92509", "Jurupa Valley", "6"}, {"92530", "Lake Elsinore", "5"}, {"92543", "Hemet", "4"},
    {"92544", "Hemet", "4"}, {"92545", "Hemet", "3"}, {"92551", "Moreno Valley", "3"},
    {"92553", "Moreno Valley", "6"}, {"92557", "Moreno Valley", "4"}, {"92562", "Murrieta", "5"},
    {"92563", "Murrieta", "5"}, {"92570", "Perris", "4"}, {"92571", "Perris", "4"},
    {"92582", "San Jacinto", "2"}, {"92583", "San Jacinto", "2"}, {"92584", "Menifee", "3"},
    {"92586", "Menifee", "2"}, {"92591", "Temecula", "3"}, {"92592", "Temecula", "4"},
    {"92595", "Wildomar", "2"}, {"92201", "Indio", "5"}, {"92203", "Indio", "2"},
    {"92234", "Cathedral City", "3"}, {"92236", "Coachella", "3"}, {"92262", "Palm Springs", "3"},
    {"92223", "Beaumont", "2"}, {"92220", "Banning", "2"}, {"92225", "Blythe", "1"},
    {"92882", "Corona", "5"}, {"92879", "Corona", "4"}, {"92880", "Corona", "3"}
  };

  private static final String[] STREETS = {
    "Magnolia Ave",
    "Arlington Ave",
    "Van Buren Blvd",
    "University Ave",
    "Market St",
    "La Sierra Ave",
    "Indiana Ave",
    "Central Ave",
    "Jurupa Ave",
    "Main St",
    "Florida Ave",
    "Perris Blvd",
    "Alessandro Blvd",
    "Sunnymead Blvd",
    "State St",
    "Hwy 111",
    "Monroe St",
    "Jackson St",
    "Ramon Rd",
    "Date Palm Dr",
    "Ontario Ave",
    "Lincoln Ave",
    "Mission Blvd",
    "Grand Ave",
    "Winchester Rd",
    "Rancho California Rd",
    "Palm Ave",
    "Sanderson Ave"
  };
  private static final String[] OFFICES = {
    "Riverside adult field office", "Indio adult field office", "Temecula office",
    "Moreno Valley office", "Corona office", "Hemet office"
  };
  private static final String[] RELATIONS = {"Mother", "Father", "Sister", "Brother", "Partner"};
  private static final String[] COMPLETED_NOTES = {
    "Reviewed conditions and progress.",
    "Discussed work search and treatment attendance.",
    "Home verified; household members present.",
    "Reviewed the case plan; no concerns.",
    "Checked in by phone; confirmed address and work."
  };

  private static final double[] RISK_SHARE = {0.28, 0.40, 0.24, 0.08};
  private static final double[] NO_SHOW = {0.06, 0.09, 0.13, 0.18};
  private static final double[] NEED_CHANCE = {0.15, 0.35, 0.55, 0.75};
  private static final double[] VIOLATIONS = {0.10, 0.30, 0.60, 1.00};

  private final DemoData demo;
  private final OrganizationId agency;
  private final Sizes sizes;
  private final LocalDate today;
  private final ZoneId zone;
  private final String key;
  private final long seed;
  private final List<UserId> officers = new ArrayList<>();
  private final List<UserId> supervisors = new ArrayList<>();
  private final List<UUID> offices = new ArrayList<>();
  private final Map<UserId, UUID> homeOffices = new HashMap<>();
  private final int[] caseloads;
  private final int[] officerOfPerson;
  private final ReviewIntervals intervals = ReviewIntervals.standard();

  SupervisionBlueprint(
      DemoData demo, OrganizationId agency, Sizes sizes, LocalDate today, ZoneId zone) {
    this.demo = demo;
    this.agency = agency;
    this.sizes = sizes;
    this.today = today;
    this.zone = zone;
    this.key = agency.value().toString().substring(0, 8);
    this.seed = demo.random("supervision-generator").nextLong();
    int officerCount = Math.max(1, Math.round(sizes.openCases() / (float) CASELOAD_AVERAGE));
    int supervisorCount = Math.max(1, Math.round(officerCount / 7.5f));
    for (int i = 0; i < officerCount; i++) {
      officers.add(new UserId(demo.id("supervision-generator:" + agency + ":officer:" + i)));
    }
    for (int i = 0; i < supervisorCount; i++) {
      supervisors.add(new UserId(demo.id("supervision-generator:" + agency + ":supervisor:" + i)));
    }
    // Officers and supervisors dealt round the offices, so each office has a share of the cases.
    int officeCount = Math.min(OFFICE_NAMES.length, officerCount);
    for (int i = 0; i < officeCount; i++) {
      offices.add(demo.id("supervision-generator:" + agency + ":office:" + i));
    }
    for (int i = 0; i < officerCount; i++) {
      homeOffices.put(officers.get(i), offices.get(i % officeCount));
    }
    for (int i = 0; i < supervisorCount; i++) {
      homeOffices.put(supervisors.get(i), offices.get(i % officeCount));
    }
    Random random = new Random(seed);
    caseloads = caseloads(sizes.openCases(), officerCount, random);
    // Each officer's open cases, dealt at random over the people under supervision now.
    int[] slots = new int[sizes.openCases()];
    int slot = 0;
    for (int officer = 0; officer < officerCount; officer++) {
      for (int n = 0; n < caseloads[officer]; n++) {
        slots[slot++] = officer;
      }
    }
    for (int i = slots.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = slots[i];
      slots[i] = slots[j];
      slots[j] = swap;
    }
    officerOfPerson = new int[sizes.people()];
    int ordinal = 0;
    for (int i = 0; i < sizes.people(); i++) {
      officerOfPerson[i] = open(i) ? slots[ordinal++] : -1;
    }
  }

  /** The officers' caseloads (open cases), in the order of {@link #officers()}. */
  int[] caseloads() {
    return caseloads.clone();
  }

  /** Caseload sizes from 40 to 90 that add up to the open cases (as near as the bounds allow). */
  private static int[] caseloads(int open, int officers, Random random) {
    int[] sizes = new int[officers];
    if (open < CASELOAD_MIN * officers || open > CASELOAD_MAX * officers) {
      for (int i = 0; i < officers; i++) {
        sizes[i] = open / officers + (i < open % officers ? 1 : 0);
      }
      return sizes;
    }
    int sum = 0;
    for (int i = 0; i < officers; i++) {
      // Skewed: most caseloads in the sixties, a few light (new officers) and a few heavy.
      double u = (random.nextDouble() + random.nextDouble() + random.nextDouble()) / 3;
      sizes[i] = CASELOAD_MIN + (int) Math.round(u * (CASELOAD_MAX - CASELOAD_MIN));
      sum += sizes[i];
    }
    while (sum != open) {
      int i = random.nextInt(officers);
      if (sum < open && sizes[i] < CASELOAD_MAX) {
        sizes[i]++;
        sum++;
      } else if (sum > open && sizes[i] > CASELOAD_MIN) {
        sizes[i]--;
        sum--;
      }
    }
    return sizes;
  }

  Sizes sizes() {
    return sizes;
  }

  List<UserId> officers() {
    return List.copyOf(officers);
  }

  List<UserId> supervisors() {
    return List.copyOf(supervisors);
  }

  /** The generated offices' ids, in the order of {@link #OFFICE_NAMES}. */
  List<UUID> offices() {
    return List.copyOf(offices);
  }

  /** The home office of every generated officer and supervisor. */
  Map<UserId, UUID> homeOffices() {
    return Map.copyOf(homeOffices);
  }

  /** Each officer's supervisor: officers dealt round the supervisors, so teams differ by one. */
  Map<UserId, UserId> teams() {
    Map<UserId, UserId> teams = new LinkedHashMap<>();
    for (int i = 0; i < officers.size(); i++) {
      teams.put(officers.get(i), supervisors.get(i % supervisors.size()));
    }
    return teams;
  }

  /** The officers' and supervisors' accounts, with plausible names. */
  List<GeneratedStaff.Account> accounts() {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    List<GeneratedStaff.Account> accounts = new ArrayList<>();
    for (int i = 0; i < supervisors.size(); i++) {
      accounts.add(account(supervisors.get(i), "supervisor", i, Role.SUPERVISOR, random));
    }
    for (int i = 0; i < officers.size(); i++) {
      accounts.add(account(officers.get(i), "officer", i, Role.OFFICER, random));
    }
    return accounts;
  }

  private GeneratedStaff.Account account(
      UserId id, String kind, int index, Role role, Random random) {
    String given =
        random.nextBoolean()
            ? MALE[random.nextInt(MALE.length)]
            : FEMALE[random.nextInt(FEMALE.length)];
    String family = FAMILY[random.nextInt(FAMILY.length)];
    return new GeneratedStaff.Account(
        id,
        agency,
        "%s-%04d.%s@%s".formatted(kind, index, key, EMAIL_DOMAIN),
        given + " " + family,
        role);
  }

  /** The id of the person of an index. */
  UUID personId(int index) {
    return demo.id("supervision-generator:" + agency + ":person:" + index);
  }

  /** Whether the person of an index is under supervision now: spread evenly over the indexes. */
  boolean open(int index) {
    return (long) index * sizes.openCases() % sizes.people() < sizes.openCases();
  }

  /** The rows of the tables the generator writes, in an order that keeps foreign keys. */
  static final class Tables {
    final CopyTable person =
        new CopyTable(
            "supervision_person",
            "id, organization_id, given_name, middle_name, family_name, given_name_key,"
                + " family_name_key, date_of_birth, gender, races, ethnicity, preferred_language,"
                + " interpreter_needed, phone, email, contact_method, quiet_hours_start,"
                + " quiet_hours_end, emergency_contact_name, emergency_contact_relation,"
                + " emergency_contact_phone, created_by, created_at, updated_at, version");
    final CopyTable alias =
        new CopyTable(
            "supervision_person_alias",
            "person_id, position, given_name, middle_name, family_name, given_name_key,"
                + " family_name_key");
    final CopyTable identifier =
        new CopyTable(
            "supervision_person_identifier",
            "person_id, position, organization_id, kind, value, value_key");
    final CopyTable address =
        new CopyTable(
            "supervision_person_address",
            "person_id, position, line1, line2, city, state, postal_code, valid_from, valid_to");
    final CopyTable supervisionCase =
        new CopyTable(
            "supervision_case",
            "id, organization_id, person_id, supervision_type, court, docket_number, start_date,"
                + " expected_end_date, level, officer_id, office_id, status, closed_on,"
                + " closure_reason, created_at, version");
    final CopyTable offense =
        new CopyTable("supervision_case_offense", "case_id, position, category, description");
    final CopyTable assignment =
        new CopyTable(
            "supervision_case_assignment",
            "case_id, position, officer_id, office_id, assigned_at, assigned_by, reason");
    final CopyTable condition =
        new CopyTable(
            "supervision_condition",
            "id, case_id, kind, special, description, status, created_at, updated_at, version");
    final CopyTable assessment =
        new CopyTable(
            "supervision_assessment",
            "id, organization_id, person_id, source, instrument_name, assessed_on, risk_level,"
                + " next_due_on, assessed_by, recorded_at");
    final CopyTable domain =
        new CopyTable("supervision_assessment_domain", "assessment_id, domain, severity, score");
    final CopyTable contact =
        new CopyTable(
            "supervision_contact",
            "id, case_id, kind, scheduled_for, location, scheduled_by, happened_at, outcome,"
                + " notes, officer_id, recorded_by, recorded_at, created_at, version");
    final CopyTable violation =
        new CopyTable(
            "supervision_violation",
            "id, case_id, condition_id, occurred_on, kind, severity, description, level,"
                + " recorded_by, recorded_at, version");
    final CopyTable response =
        new CopyTable(
            "supervision_violation_response",
            "violation_id, position, sanction, responded_on, note, within_range, reason,"
                + " recorded_by, recorded_at");

    List<CopyTable> all() {
      return List.of(
          person,
          alias,
          identifier,
          address,
          supervisionCase,
          offense,
          assignment,
          condition,
          assessment,
          domain,
          contact,
          violation,
          response);
    }

    int pendingRows() {
      return all().stream().mapToInt(CopyTable::rows).sum();
    }
  }

  /** Who a person is: enough to build a near-duplicate of them later. */
  private record Identity(
      String given, String middle, String family, LocalDate birth, Gender gender, boolean latino) {}

  private Identity identity(int index) {
    Random random = new Random(seed + 31L * index + 7);
    double g = random.nextDouble();
    Gender gender = g < 0.78 ? Gender.MALE : g < 0.99 ? Gender.FEMALE : Gender.NONBINARY;
    boolean latino = random.nextDouble() < 0.5;
    String[] givens = gender == Gender.FEMALE ? FEMALE : MALE;
    String given = givens[random.nextInt(givens.length)];
    // Latino family names first in the list: a Latino person draws from the first 25 more often.
    String family =
        latino && random.nextDouble() < 0.8
            ? FAMILY[random.nextInt(25)]
            : FAMILY[random.nextInt(FAMILY.length)];
    String middle =
        random.nextDouble() < 0.3 ? String.valueOf((char) ('A' + random.nextInt(26))) : null;
    int age = 18 + (int) (50 * Math.pow(random.nextDouble(), 1.7));
    LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
    return new Identity(given, middle, family, birth, gender, latino);
  }

  /**
   * A near-duplicate of an earlier person: the same birthday and a nickname, a one-letter typo in
   * the family name, or day and month swapped, as a second booking would enter them.
   */
  private Identity nearDuplicate(Identity of, Random random) {
    int kind = random.nextInt(3);
    String nickname = NICKNAMES.get(of.given());
    if (kind == 0 && nickname != null) {
      return new Identity(nickname, null, of.family(), of.birth(), of.gender(), of.latino());
    }
    if (kind <= 1 && of.family().length() > 3) {
      int at = 1 + random.nextInt(of.family().length() - 2);
      String typo =
          of.family().substring(0, at)
              + of.family().charAt(at + 1)
              + of.family().charAt(at)
              + of.family().substring(at + 2);
      return new Identity(of.given(), of.middle(), typo, of.birth(), of.gender(), of.latino());
    }
    LocalDate birth = of.birth();
    if (birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()) {
      birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
    } else {
      birth = birth.plusDays(1);
    }
    return new Identity(of.given(), null, of.family(), birth, of.gender(), of.latino());
  }

  /** Adds the rows of the person of an index (their record, cases and history) to the tables. */
  void person(int index, Tables t) {
    Random random = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
    boolean open = open(index);
    Identity who = identity(index);
    if (index > 50 && random.nextInt(150) == 0) {
      who = nearDuplicate(identity(index - 1 - random.nextInt(Math.min(index - 1, 5_000))), random);
    }
    UUID person = personId(index);
    String[] home = place(random);

    // Cases, oldest first: an open person may have had an earlier case; a closed one had one or
    // two.
    List<CaseSpan> spans = new ArrayList<>();
    if (open) {
      LocalDate start = today.minusDays(14 + (long) (1_000 * Math.pow(random.nextDouble(), 1.4)));
      if (random.nextDouble() < 0.3) {
        LocalDate priorEnd = start.minusDays(60 + random.nextInt(700));
        spans.add(new CaseSpan(priorEnd.minusDays(180 + random.nextInt(720)), priorEnd));
      }
      spans.add(new CaseSpan(start, null));
    } else {
      LocalDate end = today.minusDays(1 + random.nextInt(3_650));
      LocalDate start = end.minusDays(150 + random.nextInt(900));
      if (random.nextDouble() < 0.15) {
        LocalDate priorEnd = start.minusDays(60 + random.nextInt(900));
        spans.add(new CaseSpan(priorEnd.minusDays(180 + random.nextInt(720)), priorEnd));
      }
      spans.add(new CaseSpan(start, end));
    }
    LocalDate firstStart = spans.getFirst().start();
    Instant created = firstStart.atTime(9, 0).atZone(zone).toInstant();

    personRow(t, index, person, who, home, created, random);

    // The person's risk when first assessed, and how it moves at each reassessment.
    RiskLevel risk = pick(RiskLevel.values(), RISK_SHARE, random);
    List<Assessed> assessments = new ArrayList<>();
    for (int n = 0; n < spans.size(); n++) {
      CaseSpan span = spans.get(n);
      LocalDate end = span.end() == null ? today : span.end();
      for (LocalDate day = span.start().plusDays(7 + random.nextInt(14));
          !day.isAfter(end) && assessments.size() < 4;
          day = day.plusMonths(intervals.reviewMonths().get(risk))) {
        if (!assessments.isEmpty()) {
          double move = random.nextDouble();
          if (move < 0.35 && risk.ordinal() > 0) {
            risk = RiskLevel.values()[risk.ordinal() - 1];
          } else if (move > 0.9 && risk.ordinal() < 3) {
            risk = RiskLevel.values()[risk.ordinal() + 1];
          }
        }
        assessments.add(new Assessed(day, risk, n));
      }
    }
    if (assessments.isEmpty()) {
      assessments.add(new Assessed(spans.getLast().start(), risk, spans.size() - 1));
    }
    assessmentRows(t, index, person, assessments, random);

    for (int n = 0; n < spans.size(); n++) {
      CaseSpan span = spans.get(n);
      boolean current = span.end() == null;
      RiskLevel caseRisk = null;
      for (Assessed assessed : assessments) {
        if (assessed.caseIndex() == n) {
          caseRisk = assessed.risk();
        }
      }
      if (caseRisk == null) {
        caseRisk = risk;
      }
      UserId officer =
          current
              ? officers.get(officerOfPerson[index])
              : officers.get(random.nextInt(officers.size()));
      caseRows(t, index, n, person, span, caseRisk, officer, home, random);
    }
  }

  private record CaseSpan(LocalDate start, LocalDate end) {}

  private record Assessed(LocalDate day, RiskLevel risk, int caseIndex) {}

  private void personRow(
      Tables t,
      int index,
      UUID person,
      Identity who,
      String[] home,
      Instant created,
      Random random) {
    String race;
    double r = random.nextDouble();
    if (who.latino()) {
      race =
          r < 0.55
              ? Race.WHITE.name()
              : r < 0.6 ? Race.AMERICAN_INDIAN_OR_ALASKA_NATIVE.name() : null;
    } else {
      race =
          r < 0.5
              ? Race.WHITE.name()
              : r < 0.8
                  ? Race.BLACK_OR_AFRICAN_AMERICAN.name()
                  : r < 0.93
                      ? Race.ASIAN.name()
                      : r < 0.96 ? Race.NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER.name() : null;
    }
    Ethnicity ethnicity =
        random.nextDouble() < 0.08
            ? null
            : who.latino() ? Ethnicity.HISPANIC_OR_LATINO : Ethnicity.NOT_HISPANIC_OR_LATINO;
    boolean spanish = who.latino() && random.nextDouble() < 0.35;
    String area = home[0].startsWith("922") ? "760" : "951";
    String phone =
        random.nextDouble() < 0.06
            ? null
            : "%s-%03d-%04d".formatted(area, 200 + random.nextInt(800), random.nextInt(10_000));
    String email =
        random.nextDouble() < 0.3
            ? NameKeys.key(who.given()).replace(' ', '.')
                + "."
                + NameKeys.key(who.family()).replace(' ', '.')
                + index
                + "@example.org"
            : null;
    double m = random.nextDouble();
    ContactMethod method =
        phone == null
            ? (email == null ? ContactMethod.NONE : ContactMethod.EMAIL)
            : m < 0.5
                ? ContactMethod.TEXT
                : m < 0.9 || email == null ? ContactMethod.CALL : ContactMethod.EMAIL;
    boolean quiet = random.nextDouble() < 0.25;
    boolean emergency = random.nextDouble() < 0.6;
    String[] givens = random.nextBoolean() ? MALE : FEMALE;
    t.person.row(
        person,
        agency.value(),
        who.given(),
        who.middle(),
        who.family(),
        NameKeys.key(who.given()),
        NameKeys.key(who.family()),
        who.birth(),
        who.gender() == null ? null : who.gender().name(),
        race,
        ethnicity == null ? null : ethnicity.name(),
        spanish ? "es" : "en",
        spanish && random.nextDouble() < 0.4,
        phone,
        email,
        method.name(),
        quiet ? LocalTime.of(21, 0) : null,
        quiet ? LocalTime.of(7, 0) : null,
        emergency ? givens[random.nextInt(givens.length)] + " " + who.family() : null,
        emergency ? RELATIONS[random.nextInt(RELATIONS.length)] : null,
        emergency
            ? "%s-%03d-%04d".formatted(area, 200 + random.nextInt(800), random.nextInt(10_000))
            : null,
        null,
        created,
        created,
        0);

    int aliases = 0;
    if (random.nextDouble() < 0.04) {
      // A name used at an earlier booking: another family name (maiden or street name).
      String other = FAMILY[random.nextInt(FAMILY.length)];
      t.alias.row(person, aliases++, null, null, other, null, NameKeys.key(other));
    }
    String nickname = NICKNAMES.get(who.given());
    if (nickname != null && random.nextDouble() < 0.1) {
      t.alias.row(
          person,
          aliases,
          nickname,
          null,
          who.family(),
          NameKeys.key(nickname),
          NameKeys.key(who.family()));
    }

    // Identifiers derived from the index, so unique in the agency by construction.
    String agencyId = "RCP-%07d".formatted(2_000_000 + index);
    t.identifier.row(
        person, 0, agency.value(), IdentifierKind.AGENCY_ID.name(), agencyId, idKey(agencyId));
    if (random.nextDouble() < 0.7) {
      long digits = (index * 7_919L + 1_234_567L) % 10_000_000L;
      String stateId =
          "ABCDEFGHJKLMNPRSTUVWY".charAt((int) (digits % 21)) + "%07d".formatted(digits);
      t.identifier.row(
          person, 1, agency.value(), IdentifierKind.STATE_ID.name(), stateId, idKey(stateId));
    }

    LocalDate movedIn = today.minusDays(30 + random.nextInt(1_500));
    int position = 0;
    if (random.nextDouble() < 0.45) {
      String[] before = place(random);
      t.address.row(
          person,
          position++,
          street(random),
          null,
          before[1],
          "CA",
          before[0],
          movedIn.minusDays(200 + random.nextInt(1_000)),
          movedIn.minusDays(1));
    }
    t.address.row(
        person,
        position,
        street(random),
        random.nextDouble() < 0.2 ? "Apt " + (1 + random.nextInt(300)) : null,
        home[1],
        "CA",
        home[0],
        movedIn,
        null);
  }

  private static String idKey(String value) {
    return value.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
  }

  private static String street(Random random) {
    return (100 + random.nextInt(19_900)) + " " + STREETS[random.nextInt(STREETS.length)];
  }

  private static String[] place(Random random) {
    int total = 0;
    for (String[] place : PLACES) {
      total += Integer.parseInt(place[2]);
    }
    int pick = random.nextInt(total);
    for (String[] place : PLACES) {
      pick -= Integer.parseInt(place[2]);
      if (pick < 0) {
        return place;
      }
    }
    return PLACES[0];
  }

  private void assessmentRows(
      Tables t, int index, UUID person, List<Assessed> assessments, Random random) {
    // Needs are the person's: a domain in need stays in need mostly, and more with higher risk.
    Map<NeedDomain, Double> propensity = new EnumMap<>(NeedDomain.class);
    for (NeedDomain domain : ASSESSED) {
      propensity.put(domain, random.nextDouble());
    }
    for (int n = 0; n < assessments.size(); n++) {
      Assessed assessed = assessments.get(n);
      UUID id = demo.id("supervision-generator:" + agency + ":assessment:" + index + ":" + n);
      Instant at = assessed.day().atTime(10, 0).atZone(zone).toInstant();
      t.assessment.row(
          id,
          agency.value(),
          person,
          "EXTERNAL",
          INSTRUMENT,
          assessed.day(),
          assessed.risk().name(),
          intervals.nextDue(assessed.day(), assessed.risk()),
          SYSTEM,
          at);
      double chance = NEED_CHANCE[assessed.risk().ordinal()];
      for (NeedDomain domain : ASSESSED) {
        double p = propensity.get(domain);
        NeedSeverity severity =
            p < chance * 0.45
                ? NeedSeverity.HIGH
                : p < chance ? NeedSeverity.MODERATE : NeedSeverity.NONE;
        int score =
            switch (severity) {
              case HIGH -> 6 + random.nextInt(3);
              case MODERATE -> 3 + random.nextInt(3);
              case NONE -> random.nextInt(3);
            };
        t.domain.row(id, domain.name(), severity.name(), score);
      }
    }
  }

  private void caseRows(
      Tables t,
      int index,
      int number,
      UUID person,
      CaseSpan span,
      RiskLevel risk,
      UserId officer,
      String[] home,
      Random random) {
    UUID id = demo.id("supervision-generator:" + agency + ":case:" + index + ":" + number);
    SupervisionLevel level = level(risk);
    boolean open = span.end() == null;
    LocalDate expectedEnd = span.start().plusYears(1 + random.nextInt(3));
    if (open && !expectedEnd.isAfter(today)) {
      expectedEnd = today.plusDays(30 + random.nextInt(300));
    }
    double type = random.nextDouble();
    SupervisionType supervisionType =
        type < 0.8
            ? SupervisionType.PROBATION
            : type < 0.9
                ? SupervisionType.PAROLE
                : type < 0.96 ? SupervisionType.PRETRIAL : SupervisionType.DIVERSION;
    String region =
        home[0].startsWith("922")
            ? "INF"
            : home[0].compareTo("92562") >= 0 && home[0].compareTo("92600") < 0 ? "SWF" : "RIF";
    Instant startAt = span.start().atTime(9, 0).atZone(zone).toInstant();

    // Violations first: whether the case ended in revocation depends on them.
    List<LocalDate> violationDays = new ArrayList<>();
    double rate = VIOLATIONS[risk.ordinal()];
    long days =
        Math.max(
            1, java.time.temporal.ChronoUnit.DAYS.between(span.start(), open ? today : span.end()));
    while (violationDays.size() < 4
        && random.nextDouble() < rate / (1 + rate) * Math.min(1.0, days / 365.0 + 0.3)) {
      violationDays.add(span.start().plusDays(random.nextLong(days)));
    }
    violationDays.sort(null);
    List<ViolationKind> kinds = new ArrayList<>();
    for (int n = 0; n < violationDays.size(); n++) {
      double k = random.nextDouble();
      kinds.add(
          k < 0.75
              ? ViolationKind.TECHNICAL
              : k < 0.87
                  ? ViolationKind.NEW_OFFENSE
                  : k < 0.92 ? ViolationKind.ABSCONDING : ViolationKind.OTHER);
    }

    ClosureReason closure = null;
    if (!open) {
      double c = random.nextDouble();
      if (kinds.contains(ViolationKind.ABSCONDING) && c < 0.6) {
        closure = ClosureReason.ABSCONDING;
      } else if (kinds.contains(ViolationKind.NEW_OFFENSE) && c < 0.7) {
        closure = ClosureReason.REVOCATION;
      } else {
        closure =
            c < 0.62
                ? ClosureReason.SUCCESSFUL_COMPLETION
                : c < 0.76
                    ? ClosureReason.EARLY_DISCHARGE
                    : c < 0.88
                        ? ClosureReason.REVOCATION
                        : c < 0.96
                            ? ClosureReason.TRANSFER_OUT
                            : c < 0.985 ? ClosureReason.ABSCONDING : ClosureReason.DEATH;
      }
    }
    t.supervisionCase.row(
        id,
        agency.value(),
        person,
        supervisionType.name(),
        "Riverside County Superior Court",
        "%s%07d".formatted(region, 1_000_000 + index * 3 + number),
        span.start(),
        expectedEnd,
        level.name(),
        officer.value(),
        homeOffices.get(officer),
        open ? "OPEN" : "CLOSED",
        open ? null : span.end(),
        closure == null ? null : closure.name(),
        startAt,
        0);

    List<OffenseCategory> offenses = new ArrayList<>();
    offenses.add(offense(random));
    if (random.nextDouble() < 0.3) {
      OffenseCategory second = offense(random);
      if (second != offenses.getFirst()) {
        offenses.add(second);
      }
    }
    for (int n = 0; n < offenses.size(); n++) {
      t.offense.row(id, n, offenses.get(n).name(), SupervisionDemoData.describe(offenses.get(n)));
    }

    // A sixth of open cases were transferred from a colleague once.
    if (open && random.nextDouble() < 0.16 && officers.size() > 1) {
      UserId before = officers.get(random.nextInt(officers.size()));
      if (before.equals(officer)) {
        before = officers.get((officers.indexOf(officer) + 1) % officers.size());
      }
      t.assignment.row(id, 0, before.value(), homeOffices.get(before), startAt, SYSTEM, null);
      LocalDate moved = span.start().plusDays(random.nextLong(Math.max(1, days)));
      t.assignment.row(
          id,
          1,
          officer.value(),
          homeOffices.get(officer),
          moved.atTime(12, 0).atZone(zone).toInstant(),
          SYSTEM,
          "Caseload rebalancing");
    } else {
      t.assignment.row(id, 0, officer.value(), homeOffices.get(officer), startAt, SYSTEM, null);
    }

    List<UUID> specialConditions =
        conditionRows(t, index, number, id, offenses, level, closure, startAt, random);
    contactRows(t, index, number, id, span, level, risk, officer, random);
    violationRows(
        t, index, number, id, span, level, violationDays, kinds, specialConditions, random);
  }

  private List<UUID> conditionRows(
      Tables t,
      int index,
      int number,
      UUID caseId,
      List<OffenseCategory> offenses,
      SupervisionLevel level,
      ClosureReason closure,
      Instant at,
      Random random) {
    List<ConditionKind> kinds = new ArrayList<>();
    kinds.add(ConditionKind.FEES);
    if (offenses.contains(OffenseCategory.DRUG_POSSESSION)
        || offenses.contains(OffenseCategory.DRUG_DISTRIBUTION)
        || offenses.contains(OffenseCategory.DUI)) {
      kinds.add(ConditionKind.DRUG_TESTING);
      kinds.add(ConditionKind.TREATMENT);
    }
    if (offenses.contains(OffenseCategory.DOMESTIC_VIOLENCE)
        || offenses.contains(OffenseCategory.VIOLENT)) {
      kinds.add(ConditionKind.NO_CONTACT);
    }
    if (level == SupervisionLevel.HIGH || level == SupervisionLevel.INTENSIVE) {
      kinds.add(ConditionKind.CURFEW);
    }
    if (random.nextDouble() < 0.4) {
      kinds.add(ConditionKind.EMPLOYMENT);
    }
    if (offenses.contains(OffenseCategory.PROPERTY) || random.nextDouble() < 0.15) {
      kinds.add(ConditionKind.COMMUNITY_SERVICE);
    }
    List<UUID> special = new ArrayList<>();
    for (int n = 0; n < kinds.size(); n++) {
      ConditionKind kind = kinds.get(n);
      UUID id =
          demo.id(
              "supervision-generator:" + agency + ":condition:" + index + ":" + number + ":" + n);
      ConditionStatus status;
      if (closure == null) {
        double s = random.nextDouble();
        status =
            s < 0.6
                ? ConditionStatus.IN_COMPLIANCE
                : s < 0.75
                    ? ConditionStatus.PENDING
                    : s < 0.9 ? ConditionStatus.OUT_OF_COMPLIANCE : ConditionStatus.SATISFIED;
      } else {
        status =
            closure == ClosureReason.REVOCATION || closure == ClosureReason.ABSCONDING
                ? ConditionStatus.OUT_OF_COMPLIANCE
                : ConditionStatus.SATISFIED;
      }
      t.condition.row(
          id,
          caseId,
          kind.name(),
          kind != ConditionKind.FEES,
          text(kind),
          status.name(),
          at,
          at,
          0);
      if (kind != ConditionKind.FEES) {
        special.add(id);
      }
    }
    return special;
  }

  private static String text(ConditionKind kind) {
    return switch (kind) {
      case FEES -> "Pay supervision fees of $35 a month";
      case TREATMENT -> "Complete an outpatient substance-use program";
      case DRUG_TESTING -> "Submit to random drug testing";
      case EMPLOYMENT -> "Seek and keep full-time employment";
      case EDUCATION -> "Enrol in an adult education program";
      case CURFEW -> "Be home between 22:00 and 06:00";
      case NO_CONTACT -> "No contact with the victim";
      case COMMUNITY_SERVICE -> "Complete 80 hours of community service";
      case OTHER -> "Follow the directions of the probation officer";
    };
  }

  /**
   * Contacts at the pace of the agency's standard for the level (the defaults): completed mostly,
   * no-shows at a rate that grows with risk followed by a contact a few days later, home and field
   * contacts as often as the standard asks; the next one scheduled on open cases, except a few
   * lapsed ones whose contacts stopped (they are overdue).
   */
  private void contactRows(
      Tables t,
      int index,
      int number,
      UUID caseId,
      CaseSpan span,
      SupervisionLevel level,
      RiskLevel risk,
      UserId officer,
      Random random) {
    ContactStandard standard = ContactStandard.defaultFor(level);
    boolean open = span.end() == null;
    boolean lapsed = open && random.nextDouble() < 0.08;
    if (!open && span.end().isBefore(today.minusYears(CONTACTS_KEPT_YEARS))) {
      return;
    }
    LocalDate last = open ? today : span.end();
    if (lapsed) {
      last = today.minusDays(standard.periodDays() + 5 + random.nextInt(30));
    }
    int step = Math.max(4, standard.periodDays() / standard.contacts());
    double noShow = NO_SHOW[risk.ordinal()];
    LocalDate lastInCommunity = span.start();
    String office = OFFICES[random.nextInt(OFFICES.length)];
    int n = 0;
    LocalDate day = span.start().plusDays(2 + random.nextInt(5));
    while (day.isBefore(last)) {
      ContactKind kind;
      if (standard.fieldEveryDays() != null
          && !day.isBefore(lastInCommunity.plusDays(standard.fieldEveryDays() - 10))) {
        kind = random.nextBoolean() ? ContactKind.HOME : ContactKind.FIELD;
      } else if (level == SupervisionLevel.LOW && random.nextDouble() < 0.4) {
        kind = ContactKind.PHONE;
      } else {
        double k = random.nextDouble();
        kind = k < 0.85 ? ContactKind.OFFICE : k < 0.93 ? ContactKind.VIDEO : ContactKind.PHONE;
      }
      Instant at =
          day.atTime(8 + random.nextInt(9), random.nextInt(4) * 15).atZone(zone).toInstant();
      double roll = random.nextDouble();
      ContactOutcome outcome;
      if (roll < noShow) {
        outcome =
            kind == ContactKind.HOME || kind == ContactKind.FIELD
                ? ContactOutcome.ATTEMPTED_NOT_FOUND
                : ContactOutcome.NO_SHOW;
      } else if (roll < noShow + 0.02) {
        outcome = ContactOutcome.CANCELLED;
      } else if (roll < noShow + 0.04) {
        outcome = ContactOutcome.RESCHEDULED;
      } else {
        outcome = ContactOutcome.COMPLETED;
      }
      if (outcome == ContactOutcome.COMPLETED
          && (kind == ContactKind.HOME || kind == ContactKind.FIELD)) {
        lastInCommunity = day;
      }
      t.contact.row(
          derived(caseId, n++),
          caseId,
          kind.name(),
          at,
          kind == ContactKind.OFFICE ? office : null,
          SYSTEM,
          at,
          outcome.name(),
          outcome == ContactOutcome.COMPLETED
              ? COMPLETED_NOTES[random.nextInt(COMPLETED_NOTES.length)]
              : "Did not meet the person.",
          officer.value(),
          SYSTEM,
          at.plusSeconds(3_600L + random.nextInt(3 * 3_600)),
          at.minusSeconds(86_400L * (3 + random.nextInt(10))),
          1);
      day =
          outcome == ContactOutcome.COMPLETED
              ? day.plusDays(step - random.nextInt(step / 5 + 1))
              : day.plusDays(2 + random.nextInt(6));
    }
    if (open && !lapsed) {
      Instant next =
          today
              .plusDays(1 + random.nextInt(Math.max(1, step - 2)))
              .atTime(10, 0)
              .atZone(zone)
              .toInstant();
      t.contact.row(
          derived(caseId, 0xFFFF),
          caseId,
          ContactKind.OFFICE.name(),
          next,
          office,
          SYSTEM,
          null,
          null,
          null,
          null,
          null,
          null,
          today.atTime(8, 0).atZone(zone).toInstant(),
          0);
    }
  }

  private void violationRows(
      Tables t,
      int index,
      int number,
      UUID caseId,
      CaseSpan span,
      SupervisionLevel level,
      List<LocalDate> days,
      List<ViolationKind> kinds,
      List<UUID> specialConditions,
      Random random) {
    LocalDate end = span.end() == null ? today : span.end();
    for (int n = 0; n < days.size(); n++) {
      LocalDate day = days.get(n);
      ViolationKind kind = kinds.get(n);
      ViolationSeverity severity =
          kind == ViolationKind.NEW_OFFENSE || kind == ViolationKind.ABSCONDING
              ? (random.nextBoolean() ? ViolationSeverity.HIGH : ViolationSeverity.MODERATE)
              : random.nextDouble() < 0.6 ? ViolationSeverity.LOW : ViolationSeverity.MODERATE;
      UUID id =
          demo.id(
              "supervision-generator:" + agency + ":violation:" + index + ":" + number + ":" + n);
      UUID condition =
          kind == ViolationKind.TECHNICAL && !specialConditions.isEmpty()
              ? specialConditions.get(random.nextInt(specialConditions.size()))
              : null;
      Instant at = day.atTime(16, 0).atZone(zone).toInstant();
      t.violation.row(
          id,
          caseId,
          condition,
          day,
          kind.name(),
          severity.name(),
          description(kind),
          level.name(),
          SYSTEM,
          at,
          0);
      long age = java.time.temporal.ChronoUnit.DAYS.between(day, today);
      boolean responded = random.nextDouble() < (age > 14 ? 0.88 : 0.4);
      LocalDate respondedOn = day.plusDays(1 + random.nextInt(10));
      if (responded && !respondedOn.isAfter(end) && !respondedOn.isAfter(today)) {
        ResponseRange range = ResponseRange.defaultFor(severity, level);
        Sanction sanction = random.nextDouble() < 0.7 ? range.lowest() : range.highest();
        t.response.row(
            id,
            0,
            sanction.name(),
            respondedOn,
            null,
            true,
            null,
            SYSTEM,
            respondedOn.atTime(15, 0).atZone(zone).toInstant());
      }
    }
  }

  /**
   * The id of the n-th contact of a case, derived from the case's id without hashing: contacts are
   * the bulk of the rows. Distinct for every n of a case; across cases as unlikely to meet as two
   * random ids.
   */
  static UUID derived(UUID caseId, int n) {
    long mixed = (n + 1) * 0x9E3779B97F4A7C15L;
    return new UUID(
        caseId.getMostSignificantBits() ^ (mixed >>> 32), caseId.getLeastSignificantBits() ^ mixed);
  }

  private static String description(ViolationKind kind) {
    return switch (kind) {
      case TECHNICAL -> "Missed a scheduled drug test and a treatment session.";
      case NEW_OFFENSE -> "Arrested on a new misdemeanor charge.";
      case ABSCONDING -> "Left the county without permission; whereabouts unknown for two weeks.";
      case OTHER -> "Did not report a change of address within 72 hours.";
    };
  }

  private static SupervisionLevel level(RiskLevel risk) {
    return switch (risk) {
      case LOW -> SupervisionLevel.LOW;
      case MODERATE -> SupervisionLevel.MODERATE;
      case HIGH -> SupervisionLevel.HIGH;
      case VERY_HIGH -> SupervisionLevel.INTENSIVE;
    };
  }

  private static final OffenseCategory[] OFFENSES = OffenseCategory.values();
  private static final double[] OFFENSE_SHARE = offenseShares();

  private static double[] offenseShares() {
    Map<OffenseCategory, Double> weights = new EnumMap<>(OffenseCategory.class);
    weights.put(OffenseCategory.DRUG_POSSESSION, 22.0);
    weights.put(OffenseCategory.PROPERTY, 18.0);
    weights.put(OffenseCategory.DUI, 14.0);
    weights.put(OffenseCategory.VIOLENT, 10.0);
    weights.put(OffenseCategory.DOMESTIC_VIOLENCE, 10.0);
    weights.put(OffenseCategory.FRAUD, 7.0);
    weights.put(OffenseCategory.DRUG_DISTRIBUTION, 6.0);
    weights.put(OffenseCategory.PUBLIC_ORDER, 6.0);
    weights.put(OffenseCategory.WEAPONS, 5.0);
    weights.put(OffenseCategory.SEX_OFFENSE, 1.5);
    weights.put(OffenseCategory.ARSON, 0.5);
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double[] shares = new double[OFFENSES.length];
    for (int i = 0; i < OFFENSES.length; i++) {
      shares[i] = weights.getOrDefault(OFFENSES[i], 0.0) / total;
    }
    return shares;
  }

  private static OffenseCategory offense(Random random) {
    return pick(OFFENSES, OFFENSE_SHARE, random);
  }

  private static <T> T pick(T[] values, double[] shares, Random random) {
    double roll = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      roll -= shares[i];
      if (roll < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
