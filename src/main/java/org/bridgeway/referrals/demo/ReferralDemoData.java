package org.bridgeway.referrals.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.DirectoryServices;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.IntakeMode;
import org.bridgeway.referrals.lifecycle.PreferredContact;
import org.bridgeway.referrals.lifecycle.Referral;
import org.bridgeway.referrals.lifecycle.Referrals;
import org.bridgeway.referrals.lifecycle.Urgency;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals for the demo: eight referrals of the demo agency's people to services of the demo
 * treatment providers that keep directory listings (the demo provider user's organization first),
 * in the states a working inbox shows: a draft, new, overdue, waitlisted, accepted, intake
 * scheduled, declined with a reason, and one recorded off the platform with its phone follow-up.
 * Deterministic ids from the demo seed; after the directory, supervision and care steps.
 */
@Component
@Profile("demo")
class ReferralDemoData implements DemoDataStep {

  private record Plan(
      int person,
      NeedDomain need,
      Urgency urgency,
      ReferralState state,
      boolean offPlatform,
      int sentDaysAgo,
      String reason) {}

  private static final List<Plan> PLANS =
      List.of(
          new Plan(
              1,
              NeedDomain.SUBSTANCE_USE,
              Urgency.URGENT,
              ReferralState.DRAFT,
              false,
              0,
              "Positive screen last month; agreed to an assessment for outpatient treatment."),
          new Plan(
              2,
              NeedDomain.MENTAL_HEALTH,
              Urgency.ROUTINE,
              ReferralState.SENT,
              false,
              1,
              "Reports low mood and poor sleep since release; asks for counseling."),
          new Plan(
              4,
              NeedDomain.SUBSTANCE_USE,
              Urgency.ROUTINE,
              ReferralState.SENT,
              false,
              9,
              "Court-ordered substance use evaluation and treatment as recommended."),
          new Plan(
              5,
              NeedDomain.SUBSTANCE_USE,
              Urgency.ROUTINE,
              ReferralState.WAITLISTED,
              false,
              12,
              "Needs intensive outpatient treatment; evening groups preferred (works days)."),
          new Plan(
              7,
              NeedDomain.MENTAL_HEALTH,
              Urgency.URGENT,
              ReferralState.ACCEPTED,
              false,
              6,
              "Anxiety affecting attendance at work; referred for evaluation."),
          new Plan(
              8,
              NeedDomain.SUBSTANCE_USE,
              Urgency.ROUTINE,
              ReferralState.INTAKE_SCHEDULED,
              false,
              15,
              "Alcohol use; condition of probation requires treatment."),
          new Plan(
              10,
              NeedDomain.MENTAL_HEALTH,
              Urgency.ROUTINE,
              ReferralState.DECLINED,
              false,
              20,
              "Trauma-focused counseling requested by the person."),
          new Plan(
              11,
              NeedDomain.HOUSING,
              Urgency.URGENT,
              ReferralState.SENT,
              true,
              3,
              "Staying with a friend until the end of the month; needs transitional housing."));

  private final Referrals referrals;
  private final SupervisedPeople people;
  private final DirectoryServices services;
  private final Clock clock;

  ReferralDemoData(
      Referrals referrals, SupervisedPeople people, DirectoryServices services, Clock clock) {
    this.referrals = referrals;
    this.people = people;
    this.services = services;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    if (referrals.existsById(idOf(demo, 0))) {
      return;
    }
    OrganizationId agency = new OrganizationId(demo.id("organization:0"));
    BridgewayPrincipal setup =
        BridgewayPrincipal.apiClient(
            new UUID(0, 0),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Demo data",
            "Demo data",
            Set.of(Role.ORGANIZATION_ADMIN));
    List<Listing> listings = listings(demo);
    if (listings.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Referral.By officer = new Referral.By(Actor.system().reference(), null, agency);
    for (int n = 0; n < PLANS.size(); n++) {
      Plan plan = PLANS.get(n);
      PersonHeading person;
      try {
        person =
            people.visibleTo(setup, new PersonId(demo.id("supervision-person:" + plan.person())));
      } catch (NotFoundException noSupervisionDemo) {
        return;
      }
      Listing listing = listings.get(n % listings.size());
      Instant sent = now.minus(Duration.ofDays(plan.sentDaysAgo()));
      Referral referral =
          Referral.draft(
              idOf(demo, n),
              new Referral.PersonShown(person.id(), person.fullName(), person.dateOfBirth()),
              new Referral.Content(
                  plan.offPlatform() ? null : listing.service(),
                  plan.need(),
                  null,
                  plan.reason(),
                  null,
                  "No known risk to staff.",
                  Set.of(),
                  plan.urgency(),
                  PreferredContact.PHONE),
              officer,
              sent);
      Referral.By staff = new Referral.By(Actor.system().reference(), null, listing.provider());
      if (plan.offPlatform()) {
        referral.sendOffPlatform(
            "Harbor House Transitional Living",
            "555-0142",
            LocalDate.ofInstant(sent, clock.getZone()).plusDays(7),
            officer,
            sent);
      } else if (plan.state() != ReferralState.DRAFT) {
        Instant due = sent.plus(Duration.ofDays(4));
        referral.send(
            listing.name(),
            listing.provider(),
            due,
            due.minus(Duration.ofDays(1)),
            null,
            null,
            officer,
            sent);
        Instant answered = sent.plus(Duration.ofDays(1));
        switch (plan.state()) {
          case WAITLISTED ->
              referral.waitlist(
                  LocalDate.ofInstant(now, clock.getZone()).plusDays(21), staff, answered);
          case ACCEPTED -> referral.accept(staff, answered);
          case INTAKE_SCHEDULED -> {
            referral.accept(staff, answered);
            referral.scheduleIntake(
                now.plus(Duration.ofDays(2)), IntakeMode.IN_PERSON, "Main office", staff, answered);
          }
          case DECLINED ->
              referral.decline(
                  DeclineReason.SERVICE_NOT_APPROPRIATE,
                  "We do not offer trauma-focused therapy; try a specialist program.",
                  staff,
                  answered);
          default -> {
            referral.remindDueSoon(now);
            referral.markOverdue(now);
          }
        }
      }
      referrals.save(referral);
    }
  }

  /** A demo provider's service. */
  private record Listing(OrganizationId provider, ServiceId service, String name) {}

  /** The demo treatment providers (organizations 7 to 13) with active listings. */
  private List<Listing> listings(DemoData demo) {
    List<Listing> found = new ArrayList<>();
    for (int i = 7; i < 14 && found.size() < 3; i++) {
      OrganizationId provider = new OrganizationId(demo.id("organization:" + i));
      services.activeServicesKeptBy(provider, 1).stream()
          .findFirst()
          .flatMap(services::summary)
          .ifPresent(s -> found.add(new Listing(provider, s.id(), s.name())));
    }
    return found;
  }

  private static ReferralId idOf(DemoData demo, int n) {
    return new ReferralId(demo.id("referral:" + n));
  }
}
