package org.bridgeway.supervision.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.bridgeway.supervision.IncentiveId;
import org.bridgeway.supervision.ViolationId;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.contact.Contact;
import org.bridgeway.supervision.contact.ContactKind;
import org.bridgeway.supervision.contact.ContactOutcome;
import org.bridgeway.supervision.contact.ContactStandard;
import org.bridgeway.supervision.contact.ContactStandards;
import org.bridgeway.supervision.contact.Contacts;
import org.bridgeway.supervision.violation.Incentive;
import org.bridgeway.supervision.violation.IncentiveKind;
import org.bridgeway.supervision.violation.Incentives;
import org.bridgeway.supervision.violation.ResponseRange;
import org.bridgeway.supervision.violation.Sanction;
import org.bridgeway.supervision.violation.Violation;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationSeverity;
import org.bridgeway.supervision.violation.Violations;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo agency's contact standards (the defaults, set explicitly so that administrators see them
 * as the agency's) and, on each open demo case, a history of contacts at the standard's pace
 * (mostly completed, some missed), the next one scheduled, and on some cases violations with
 * responses and incentives. Every fifth case's contacts stopped two periods ago, so the demo
 * caseloads have overdue cases. Deterministic from the demo seed; after the people step.
 */
@Component
@Profile("demo")
class ContactDemoData implements DemoDataStep {

  private final StaffDirectory staff;
  private final Cases cases;
  private final Contacts contacts;
  private final ContactStandards standards;
  private final Violations violations;
  private final Incentives incentives;
  private final Clock clock;

  ContactDemoData(
      StaffDirectory staff,
      Cases cases,
      Contacts contacts,
      ContactStandards standards,
      Violations violations,
      Incentives incentives,
      Clock clock) {
    this.staff = staff;
    this.cases = cases;
    this.contacts = contacts;
    this.standards = standards;
    this.violations = violations;
    this.incentives = incentives;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 310;
  }

  /** Whether a demo case's contacts stopped, so that it is overdue. */
  static boolean lapsed(int index) {
    return index % 5 == 2;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    Optional<StaffMember> officer = staff.findByEmail("officer" + SupervisionDemoData.DOMAIN);
    if (officer.isEmpty()) {
      return;
    }
    OrganizationId agency = officer.get().organization();
    if (standards.of(agency).get(SupervisionLevel.LOW).agencys()) {
      return;
    }
    Instant now = clock.instant();
    String system = Actor.system().reference();
    for (SupervisionLevel level : SupervisionLevel.values()) {
      standards.save(agency, ContactStandard.defaultFor(level), 0, system, now);
    }
    Random random = demo.random("supervision-contacts");
    LocalDate today = LocalDate.now(clock);
    ZoneId zone = clock.getZone();
    for (int i = 0; i < SupervisionDemoData.PEOPLE; i++) {
      Optional<SupervisionCase> found =
          cases.findById(new CaseId(demo.id("supervision-case:" + i)));
      if (found.isEmpty() || !found.get().isOpen()) {
        continue;
      }
      SupervisionCase onCase = found.get();
      ContactStandard standard = ContactStandard.defaultFor(onCase.level());
      int step = Math.max(3, standard.periodDays() / standard.contacts() - 3);
      LocalDate last = lapsed(i) ? today.minusDays(2L * standard.periodDays()) : today;
      int n = 0;
      for (LocalDate day = onCase.startDate().plusDays(2 + random.nextInt(5));
          !day.isAfter(last.minusDays(1));
          day = day.plusDays(step - random.nextInt(3))) {
        ContactKind kind =
            n % 3 == 1 ? ContactKind.HOME : n % 3 == 2 ? ContactKind.FIELD : ContactKind.OFFICE;
        Instant at = day.atTime(LocalTime.of(9 + random.nextInt(8), 0)).atZone(zone).toInstant();
        Contact contact =
            Contact.schedule(
                new ContactId(demo.id("supervision-contact:" + i + ":" + n)),
                onCase,
                kind,
                at,
                kind == ContactKind.OFFICE ? "Riverside office, room 2" : null,
                system,
                at.minusSeconds(7 * 24 * 3600));
        int roll = random.nextInt(10);
        ContactOutcome outcome =
            roll == 0
                ? ContactOutcome.NO_SHOW
                : roll == 1 && kind != ContactKind.OFFICE
                    ? ContactOutcome.ATTEMPTED_NOT_FOUND
                    : ContactOutcome.COMPLETED;
        contact.record(
            at,
            outcome,
            outcome == ContactOutcome.COMPLETED
                ? "Reviewed conditions and progress."
                : "Did not meet the person.",
            onCase.officerId(),
            system,
            at.plusSeconds(3600));
        contacts.save(contact);
        n++;
      }
      if (!lapsed(i)) {
        Instant next =
            today
                .plusDays(1 + random.nextInt(10))
                .atTime(LocalTime.of(10, 0))
                .atZone(zone)
                .toInstant();
        contacts.save(
            Contact.schedule(
                new ContactId(demo.id("supervision-contact:" + i + ":next")),
                onCase,
                ContactKind.OFFICE,
                next,
                "Riverside office, room 2",
                system,
                now));
      }
      seedViolations(demo, random, i, onCase, today, now, system);
    }
    demo.announce(
        "Supervision contacts: the agency's contact standards, contact histories on every open case"
            + " (every fifth overdue), violations with responses and incentives (pages:"
            + " /supervision/cases/{id}/contacts and /violations; API:"
            + " /api/v1/supervision/contacts/overdue).");
  }

  private void seedViolations(
      DemoData demo,
      Random random,
      int index,
      SupervisionCase onCase,
      LocalDate today,
      Instant now,
      String system) {
    if (index % 4 == 1) {
      LocalDate day = today.minusDays(10 + random.nextInt(60));
      if (day.isBefore(onCase.startDate())) {
        day = onCase.startDate();
      }
      ViolationSeverity severity = ViolationSeverity.values()[random.nextInt(3)];
      Violation violation =
          Violation.record(
              new ViolationId(demo.id("supervision-violation:" + index)),
              onCase,
              null,
              day,
              index % 8 == 5 ? ViolationKind.NEW_OFFENSE : ViolationKind.TECHNICAL,
              severity,
              index % 8 == 5
                  ? "Cited for driving with a suspended licence."
                  : "Missed two scheduled drug tests.",
              system,
              now);
      if (index % 8 == 1) {
        ResponseRange range = ResponseRange.defaultFor(severity, onCase.level());
        violation.respond(
            range.lowest(),
            day.plusDays(2),
            "Discussed the violation and the next steps.",
            range,
            null,
            system,
            now);
      } else if (index % 8 == 5) {
        ResponseRange range = ResponseRange.defaultFor(severity, onCase.level());
        Sanction chosen =
            range.allows(Sanction.INCREASED_REPORTING)
                ? Sanction.INCREASED_REPORTING
                : Sanction.WRITTEN_WARNING;
        violation.respond(
            chosen,
            day.plusDays(1),
            null,
            range,
            range.allows(chosen) ? null : "Employed full time; a lighter response keeps the job.",
            system,
            now);
      }
      violations.save(violation);
    }
    if (index % 6 == 0) {
      LocalDate day = today.minusDays(5 + random.nextInt(40));
      incentives.save(
          Incentive.give(
              new IncentiveId(demo.id("supervision-incentive:" + index)),
              onCase,
              index % 12 == 0 ? IncentiveKind.CERTIFICATE : IncentiveKind.PRAISE,
              day.isBefore(onCase.startDate()) ? onCase.startDate() : day,
              "Ninety days of negative tests.",
              system,
              now));
    }
  }
}
