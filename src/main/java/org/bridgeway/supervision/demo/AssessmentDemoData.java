package org.bridgeway.supervision.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.CasePlanId;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.assessment.Assessment;
import org.bridgeway.supervision.assessment.Assessments;
import org.bridgeway.supervision.assessment.DomainResult;
import org.bridgeway.supervision.assessment.Instrument;
import org.bridgeway.supervision.assessment.InstrumentDefinition;
import org.bridgeway.supervision.assessment.InstrumentDefinition.Item;
import org.bridgeway.supervision.assessment.InstrumentDefinition.Option;
import org.bridgeway.supervision.assessment.InstrumentDefinition.Section;
import org.bridgeway.supervision.assessment.InstrumentId;
import org.bridgeway.supervision.assessment.Instruments;
import org.bridgeway.supervision.assessment.NeedsQueries;
import org.bridgeway.supervision.assessment.ReviewIntervals;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.plan.CasePlan;
import org.bridgeway.supervision.plan.CasePlans;
import org.bridgeway.supervision.plan.Goal;
import org.bridgeway.supervision.plan.TaskOwner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo agency's assessment instrument (a plain screening of its own, not a reproduction of any
 * published instrument), assessments of the demo officer's people (one to three over time, so that
 * the history shows change; one imported from an external instrument) and a case plan for each of
 * their open cases. Deterministic from the demo seed; after the people step.
 */
@Component
@Profile("demo")
class AssessmentDemoData implements DemoDataStep {

  static final String INSTRUMENT_NAME = "Riverside needs screening";

  private final StaffDirectory staff;
  private final Instruments instruments;
  private final Assessments assessments;
  private final Cases cases;
  private final CasePlans plans;
  private final NeedsQueries needs;
  private final ReviewIntervals intervals;
  private final Clock clock;

  AssessmentDemoData(
      StaffDirectory staff,
      Instruments instruments,
      Assessments assessments,
      Cases cases,
      CasePlans plans,
      NeedsQueries needs,
      ReviewIntervals intervals,
      Clock clock) {
    this.staff = staff;
    this.instruments = instruments;
    this.assessments = assessments;
    this.cases = cases;
    this.plans = plans;
    this.needs = needs;
    this.intervals = intervals;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 310;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    Optional<StaffMember> officer = staff.findByEmail("officer" + SupervisionDemoData.DOMAIN);
    if (officer.isEmpty()) {
      return;
    }
    InstrumentId instrumentId = new InstrumentId(demo.id("supervision-instrument:0"));
    if (instruments.findById(instrumentId).isPresent()) {
      announce(demo);
      return;
    }
    OrganizationId agency = officer.get().organization();
    Instrument instrument =
        Instrument.define(
            instrumentId, agency, INSTRUMENT_NAME, screening(), "demo", clock.instant());
    instruments.save(instrument);

    Random random = demo.random("supervision-assessments");
    for (int i = 0; i < SupervisionDemoData.PEOPLE; i += 3) {
      Optional<SupervisionCase> found =
          cases.findById(new CaseId(demo.id("supervision-case:" + i)));
      if (found.isEmpty() || !found.get().officerId().equals(officer.get().id())) {
        continue;
      }
      assess(demo, random, i, found.get(), instrument);
    }
    announce(demo);
  }

  private void assess(
      DemoData demo,
      Random random,
      int index,
      SupervisionCase supervisionCase,
      Instrument instrument) {
    PersonId person = supervisionCase.personId();
    LocalDate today = LocalDate.now(clock);
    LocalDate day = supervisionCase.startDate().plusDays(7);
    Map<String, Integer> answers = new LinkedHashMap<>();
    Map<String, Integer> highest = new LinkedHashMap<>();
    for (Section section : instrument.definition().sections()) {
      for (Item item : section.items()) {
        answers.put(item.key(), random.nextInt(item.options().size()));
        highest.put(item.key(), item.options().size() - 1);
      }
    }
    for (int n = 0; n < 3 && !day.isAfter(today); n++) {
      Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
      AssessmentId id = new AssessmentId(demo.id("supervision-assessment:" + index + ":" + n));
      Assessment assessment;
      if (index == 3 && n == 0) {
        assessment = external(id, supervisionCase, day, today, at);
      } else {
        List<org.bridgeway.shared.web.FieldViolation> violations = new ArrayList<>();
        InstrumentDefinition.Scored scored = instrument.score(answers, violations);
        assessment =
            Assessment.completed(
                id,
                person,
                supervisionCase.organizationId(),
                instrument,
                answers,
                scored,
                day,
                today,
                intervals,
                "demo",
                at);
      }
      assessments.add(assessment);
      // Most people improve a little between assessments; some do not.
      answers.replaceAll(
          (key, chosen) -> chosen > 0 && random.nextInt(3) > 0 ? chosen - 1 : chosen);
      if (index % 4 == 0) {
        answers.replaceAll(
            (key, chosen) ->
                random.nextInt(6) == 0 ? Math.min(chosen + 1, highest.get(key)) : chosen);
      }
      day = day.plusMonths(6);
    }
    if (supervisionCase.isOpen()) {
      plan(demo, index, supervisionCase, today);
    }
  }

  private static Assessment external(
      AssessmentId id,
      SupervisionCase supervisionCase,
      LocalDate day,
      LocalDate today,
      Instant at) {
    Map<NeedDomain, DomainResult> results = new EnumMap<>(NeedDomain.class);
    results.put(NeedDomain.EDUCATION_EMPLOYMENT, new DomainResult(NeedSeverity.HIGH, 7));
    results.put(NeedDomain.SUBSTANCE_USE, new DomainResult(NeedSeverity.MODERATE, 4));
    results.put(NeedDomain.HOUSING, new DomainResult(NeedSeverity.MODERATE, null));
    results.put(NeedDomain.ASSOCIATES, new DomainResult(NeedSeverity.NONE, 1));
    return Assessment.imported(
        id,
        supervisionCase.personId(),
        supervisionCase.organizationId(),
        "State reentry screening (external)",
        day,
        RiskLevel.HIGH,
        results,
        today,
        ReviewIntervals.standard(),
        "demo",
        at);
  }

  private void plan(DemoData demo, int index, SupervisionCase supervisionCase, LocalDate today) {
    var latest = needs.latestForSystem(supervisionCase.personId());
    LocalDate created = latest.assessedOn() == null ? today : latest.assessedOn().plusDays(3);
    if (created.isAfter(today)) {
      created = today;
    }
    Instant at = created.atTime(11, 0).toInstant(ZoneOffset.UTC);
    CasePlan plan =
        CasePlan.draft(
            new CasePlanId(demo.id("supervision-plan:" + index)),
            supervisionCase.organizationId(),
            supervisionCase.id(),
            supervisionCase.personId(),
            latest.needs(),
            latest.assessment(),
            created,
            at);
    List<Goal> goals = plan.goals();
    if (!goals.isEmpty()) {
      Goal first = goals.getFirst();
      plan.reviseGoal(
          first.id(), wording(first.domain()), created.plusMonths(4), first.status(), null, at);
      plan.addTask(
          first.id(), firstStep(first.domain()), TaskOwner.PERSON, null, created.plusDays(21), at);
      plan.addTask(
          first.id(),
          "Make a referral and follow up on it",
          TaskOwner.OFFICER,
          null,
          created.plusDays(7),
          at);
      plan.addNote(
          first.id(),
          created,
          "Talked the goal through together; agreed on the first steps.",
          today,
          "demo",
          at);
    }
    if (index % 2 == 0) {
      plan.signedBy(created, today, at);
    }
    plans.save(plan);
  }

  private static String wording(NeedDomain domain) {
    return switch (domain) {
      case EDUCATION_EMPLOYMENT -> "Find steady work or a training program";
      case HOUSING -> "Move into stable housing";
      case SUBSTANCE_USE -> "Cut down on alcohol and drug use with the help of treatment";
      case ASSOCIATES -> "Spend more time with people who support a law-abiding life";
      case ATTITUDES_COGNITION -> "Practice ways to handle frustration without conflict";
      case FAMILY_MARITAL -> "Reduce conflict at home";
      case MENTAL_HEALTH -> "Connect with mental health care and keep appointments";
      case BENEFITS_INCOME -> "Secure enough income for basic needs";
      default -> "Work on this need together";
    };
  }

  private static String firstStep(NeedDomain domain) {
    return switch (domain) {
      case EDUCATION_EMPLOYMENT -> "Visit the job center and register";
      case HOUSING -> "Complete the housing application";
      case SUBSTANCE_USE -> "Attend the intake appointment";
      default -> "Attend the first appointment";
    };
  }

  /** The demo agency's own screening: plain questions, a sum of points per domain. */
  static InstrumentDefinition screening() {
    return new InstrumentDefinition(
        List.of(
            section(
                NeedDomain.EDUCATION_EMPLOYMENT,
                2,
                4,
                item(
                    "work",
                    "What is the person's work situation now?",
                    "Working full time",
                    0,
                    "Working part time or in training",
                    1,
                    "Not working, looking for work",
                    2,
                    "Not working, not looking",
                    3),
                item(
                    "schooling",
                    "What schooling has the person completed?",
                    "High school diploma, equivalent or more",
                    0,
                    "Some high school",
                    1,
                    "Less than that",
                    2)),
            section(
                NeedDomain.HOUSING,
                2,
                4,
                item(
                    "sleeps",
                    "Where does the person sleep most nights?",
                    "Own or rented home",
                    0,
                    "With family or friends",
                    1,
                    "Shelter or transitional housing",
                    2,
                    "No fixed place",
                    3),
                item(
                    "moves",
                    "How many times has the person moved in the past year?",
                    "None",
                    0,
                    "Once",
                    1,
                    "Twice or more",
                    2)),
            section(
                NeedDomain.SUBSTANCE_USE,
                2,
                4,
                item(
                    "use-affects",
                    "Does alcohol or drug use get in the way of daily life?",
                    "Not at all",
                    0,
                    "Sometimes",
                    2,
                    "Often",
                    3),
                item(
                    "use-help",
                    "Does the person want help with alcohol or drug use?",
                    "No help needed",
                    0,
                    "Wants help",
                    1,
                    "Needs help but does not want it",
                    2)),
            section(
                NeedDomain.ASSOCIATES,
                2,
                4,
                item(
                    "peers",
                    "How much time does the person spend with people in trouble with the law?",
                    "Rarely or never",
                    0,
                    "Sometimes",
                    1,
                    "Most of the time",
                    3),
                item(
                    "support",
                    "Does the person have someone who supports a law-abiding life?",
                    "Yes, several people",
                    0,
                    "One person",
                    1,
                    "No one",
                    2)),
            section(
                NeedDomain.ATTITUDES_COGNITION,
                2,
                3,
                item(
                    "offense-view",
                    "Does the person see the offense as a problem to work on?",
                    "Yes",
                    0,
                    "Partly",
                    1,
                    "No",
                    2),
                item(
                    "frustration",
                    "Does the person handle frustration without conflict?",
                    "Usually",
                    0,
                    "Sometimes",
                    1,
                    "Rarely",
                    2)),
            section(
                NeedDomain.FAMILY_MARITAL,
                1,
                2,
                item(
                    "home",
                    "How are relationships at home?",
                    "Supportive",
                    0,
                    "Some conflict",
                    1,
                    "Frequent conflict",
                    2)),
            section(
                NeedDomain.MENTAL_HEALTH,
                1,
                3,
                item(
                    "mh-affects",
                    "Do mental health needs affect daily life?",
                    "No",
                    0,
                    "Somewhat",
                    1,
                    "A lot",
                    2),
                item(
                    "mh-care",
                    "Is the person connected to care for it?",
                    "Yes, or not needed",
                    0,
                    "No",
                    1)),
            section(
                NeedDomain.BENEFITS_INCOME,
                1,
                2,
                item(
                    "income",
                    "Does the person's income cover basic needs?",
                    "Yes",
                    0,
                    "Barely",
                    1,
                    "No",
                    2))),
        new InstrumentDefinition.RiskThresholds(8, 15, 22));
  }

  private static Section section(NeedDomain domain, int moderate, int high, Item... items) {
    return new Section(domain, List.of(items), moderate, high);
  }

  private static Item item(String key, String text, Object... labelsAndPoints) {
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < labelsAndPoints.length; i += 2) {
      options.add(new Option((String) labelsAndPoints[i], (Integer) labelsAndPoints[i + 1]));
    }
    return new Item(key, text, options);
  }

  private static void announce(DemoData demo) {
    demo.announce(
        "Needs assessments: the \""
            + INSTRUMENT_NAME
            + "\" instrument, assessments and case plans for officer"
            + SupervisionDemoData.DOMAIN
            + "'s people (pages: /supervision/people/{id}/assessments,"
            + " /supervision/cases/{id}/plan).");
  }
}
