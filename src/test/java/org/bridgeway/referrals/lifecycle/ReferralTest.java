package org.bridgeway.referrals.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

class ReferralTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final OrganizationId AGENCY = OrganizationId.random();
  static final OrganizationId PROVIDER = OrganizationId.random();
  static final UserId OFFICER = UserId.random();
  static final UserId CASEWORKER = UserId.random();
  static final Referral.By REFERRER = new Referral.By("user:" + OFFICER, OFFICER, AGENCY);
  static final Referral.By STAFF = new Referral.By("token:x", null, PROVIDER);

  /** Every transition by name, applied as the right side would. */
  static final Map<String, Consumer<Referral>> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put("updateDraft", r -> r.updateDraft(content(), REFERRER, T0));
    ACTIONS.put(
        "send",
        r ->
            r.send(
                "Svc",
                PROVIDER,
                T0.plusSeconds(9000),
                T0.plusSeconds(10),
                null,
                null,
                REFERRER,
                T0));
    ACTIONS.put(
        "sendOffPlatform",
        r -> r.sendOffPlatform("Clinic", "555", LocalDate.of(2026, 12, 8), REFERRER, T0));
    ACTIONS.put("assign", r -> r.assign(CASEWORKER, STAFF, T0));
    ACTIONS.put("accept", r -> r.accept(STAFF, T0));
    ACTIONS.put("decline", r -> r.decline(DeclineReason.NO_CAPACITY, "Full", STAFF, T0));
    ACTIONS.put("waitlist", r -> r.waitlist(LocalDate.of(2027, 1, 5), STAFF, T0));
    ACTIONS.put(
        "scheduleIntake",
        r -> r.scheduleIntake(T0.plusSeconds(86400), IntakeMode.PHONE, null, STAFF, T0));
    ACTIONS.put("start", r -> r.start(STAFF, T0));
    ACTIONS.put("complete", r -> r.complete(null, STAFF, T0));
    ACTIONS.put("endEarly", r -> r.endEarly(EndReason.NON_ATTENDANCE, "Missed", STAFF, T0));
    ACTIONS.put(
        "withdraw", r -> r.withdraw(WithdrawReason.NO_LONGER_NEEDED, "Housed", REFERRER, T0));
    ACTIONS.put(
        "amend",
        r ->
            r.amend(
                new Referral.Amendment(null, null, null, Urgency.URGENT, null),
                "Worse",
                REFERRER,
                T0));
  }

  /** The legal transitions: from which states each action is allowed (on the platform). */
  static final Map<String, Set<ReferralState>> LEGAL =
      Map.ofEntries(
          Map.entry("updateDraft", EnumSet.of(ReferralState.DRAFT)),
          Map.entry("send", EnumSet.of(ReferralState.DRAFT)),
          Map.entry("sendOffPlatform", EnumSet.of(ReferralState.DRAFT)),
          Map.entry(
              "assign",
              EnumSet.of(
                  ReferralState.SENT,
                  ReferralState.WAITLISTED,
                  ReferralState.ACCEPTED,
                  ReferralState.INTAKE_SCHEDULED,
                  ReferralState.IN_PROGRESS)),
          Map.entry("accept", EnumSet.of(ReferralState.SENT, ReferralState.WAITLISTED)),
          Map.entry("decline", EnumSet.of(ReferralState.SENT, ReferralState.WAITLISTED)),
          Map.entry("waitlist", EnumSet.of(ReferralState.SENT)),
          Map.entry(
              "scheduleIntake", EnumSet.of(ReferralState.ACCEPTED, ReferralState.INTAKE_SCHEDULED)),
          Map.entry("start", EnumSet.of(ReferralState.INTAKE_SCHEDULED)),
          Map.entry("complete", EnumSet.of(ReferralState.IN_PROGRESS)),
          Map.entry("endEarly", EnumSet.of(ReferralState.IN_PROGRESS)),
          Map.entry(
              "withdraw",
              EnumSet.of(
                  ReferralState.DRAFT,
                  ReferralState.SENT,
                  ReferralState.WAITLISTED,
                  ReferralState.ACCEPTED,
                  ReferralState.INTAKE_SCHEDULED,
                  ReferralState.IN_PROGRESS)),
          Map.entry(
              "amend",
              EnumSet.of(
                  ReferralState.SENT,
                  ReferralState.WAITLISTED,
                  ReferralState.ACCEPTED,
                  ReferralState.INTAKE_SCHEDULED,
                  ReferralState.IN_PROGRESS)));

  static Referral.Content content() {
    return new Referral.Content(
        new ServiceId(UUID.randomUUID()),
        NeedDomain.HOUSING,
        null,
        "Needs housing",
        "History",
        "None known",
        Set.of(InformationCategory.DIAGNOSIS),
        Urgency.ROUTINE,
        PreferredContact.PHONE);
  }

  static Referral draft() {
    return Referral.draft(
        ReferralId.random(),
        new Referral.PersonShown(new PersonId(UUID.randomUUID()), "Ada Person", null),
        content(),
        REFERRER,
        T0);
  }

  /** A referral brought (on the platform) to the state along the shortest legal path. */
  static Referral in(ReferralState state) {
    Referral r = draft();
    List<String> path =
        switch (state) {
          case DRAFT -> List.of();
          case SENT -> List.of("send");
          case WAITLISTED -> List.of("send", "waitlist");
          case ACCEPTED -> List.of("send", "accept");
          case INTAKE_SCHEDULED -> List.of("send", "accept", "scheduleIntake");
          case IN_PROGRESS -> List.of("send", "accept", "scheduleIntake", "start");
          case DECLINED -> List.of("send", "decline");
          case COMPLETED -> List.of("send", "accept", "scheduleIntake", "start", "complete");
          case ENDED_EARLY -> List.of("send", "accept", "scheduleIntake", "start", "endEarly");
          case WITHDRAWN -> List.of("send", "withdraw");
        };
    path.forEach(step -> ACTIONS.get(step).accept(r));
    assertThat(r.state()).isEqualTo(state);
    return r;
  }

  @Test
  void everyActionIsLegalExactlyFromItsStates() {
    for (var action : ACTIONS.entrySet()) {
      for (ReferralState state : ReferralState.values()) {
        Referral r = in(state);
        if (LEGAL.get(action.getKey()).contains(state)) {
          action.getValue().accept(r);
        } else {
          assertThatThrownBy(() -> action.getValue().accept(r))
              .as(action.getKey() + " from " + state)
              .isInstanceOf(ReferralTransitionRejected.class)
              .hasMessageContaining(state.name());
          assertThat(r.state())
              .as("unchanged after a rejected " + action.getKey())
              .isEqualTo(state);
        }
      }
    }
  }

  @Test
  void withdrawnReferralCannotBeAccepted() {
    Referral r = in(ReferralState.WITHDRAWN);
    assertThatThrownBy(() -> r.accept(STAFF, T0))
        .isInstanceOfSatisfying(
            ReferralTransitionRejected.class,
            e -> {
              assertThat(e.state()).isEqualTo(ReferralState.WITHDRAWN);
              assertThat(e.action()).isEqualTo("accepted");
            });
  }

  @Test
  void draftCannotBeAcceptedBeforeItIsSent() {
    assertThatThrownBy(() -> draft().accept(STAFF, T0))
        .isInstanceOf(ReferralTransitionRejected.class)
        .hasMessageContaining("DRAFT");
  }

  @Test
  void referralCannotBeSentTwice() {
    Referral r = in(ReferralState.SENT);
    assertThatThrownBy(() -> ACTIONS.get("send").accept(r))
        .isInstanceOf(ReferralTransitionRejected.class);
  }

  @Test
  void declinedReferralCannotBeWithdrawn() {
    assertThatThrownBy(() -> ACTIONS.get("withdraw").accept(in(ReferralState.DECLINED)))
        .isInstanceOf(ReferralTransitionRejected.class);
  }

  @Test
  void waitlistedReferralCanBeAcceptedAndForgetsItsEstimate() {
    Referral r = in(ReferralState.WAITLISTED);
    assertThat(r.waitlistUntil()).isEqualTo(LocalDate.of(2027, 1, 5));
    r.accept(STAFF, T0);
    assertThat(r.state()).isEqualTo(ReferralState.ACCEPTED);
    assertThat(r.waitlistUntil()).isNull();
  }

  @Test
  void eachTransitionRegistersItsChangeAndStampsTheTimeline() {
    Map<String, Change> expected =
        Map.ofEntries(
            Map.entry("send", Change.SENT),
            Map.entry("sendOffPlatform", Change.SENT_OFF_PLATFORM),
            Map.entry("assign", Change.ASSIGNED),
            Map.entry("accept", Change.ACCEPTED),
            Map.entry("decline", Change.DECLINED),
            Map.entry("waitlist", Change.WAITLISTED),
            Map.entry("scheduleIntake", Change.INTAKE_SCHEDULED),
            Map.entry("start", Change.STARTED),
            Map.entry("complete", Change.COMPLETED),
            Map.entry("endEarly", Change.ENDED_EARLY),
            Map.entry("withdraw", Change.WITHDRAWN),
            Map.entry("amend", Change.AMENDED));
    for (var entry : expected.entrySet()) {
      ReferralState from =
          LEGAL.get(entry.getKey()).stream()
              .filter(
                  s ->
                      s != ReferralState.DRAFT
                          || entry.getKey().startsWith("send")
                          || entry.getKey().equals("withdraw"))
              .reduce((a, b) -> b)
              .orElseThrow();
      Referral r = in(from);
      r.takeChanges();
      int entries = r.timeline().size();
      ACTIONS.get(entry.getKey()).accept(r);
      List<ReferralChanged> changes = r.pendingChanges();
      assertThat(changes).as(entry.getKey()).hasSize(1);
      ReferralChanged change = changes.get(0);
      assertThat(change.change()).isEqualTo(entry.getValue());
      assertThat(change.state()).isEqualTo(r.state());
      assertThat(change.referral()).isEqualTo(r.id());
      assertThat(change.referringOrganization()).isEqualTo(AGENCY);
      assertThat(r.timeline()).hasSize(entries + 1);
      TimelineEntry last = r.timeline().get(entries);
      assertThat(last.kind().name()).isEqualTo(entry.getValue().name());
      assertThat(last.at()).isEqualTo(T0);
    }
  }

  @Test
  void declineEndAndWithdrawalKeepTheirCodedReasonAndText() {
    Referral declined = in(ReferralState.DECLINED);
    assertThat(declined.closingReason()).isEqualTo("NO_CAPACITY");
    assertThat(declined.closingNote()).isEqualTo("Full");
    assertThat(declined.timeline().getLast().codes()).isEqualTo("reason=NO_CAPACITY");
    assertThat(in(ReferralState.ENDED_EARLY).closingReason()).isEqualTo("NON_ATTENDANCE");
    assertThat(in(ReferralState.WITHDRAWN).closingReason()).isEqualTo("NO_LONGER_NEEDED");
  }

  @Test
  void declineWithoutTextIsRefused() {
    Referral r = in(ReferralState.SENT);
    assertThatThrownBy(() -> r.decline(DeclineReason.OTHER, "  ", STAFF, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(r.state()).isEqualTo(ReferralState.SENT);
  }

  @Test
  void amendmentLogsTheChangedFieldsAndWhy() {
    Referral r = in(ReferralState.ACCEPTED);
    List<String> changed =
        r.amend(
            new Referral.Amendment(
                "New reason", null, null, Urgency.URGENT, PreferredContact.PHONE),
            "Situation worsened",
            REFERRER,
            T0);
    assertThat(changed).containsExactly("reason", "urgency");
    assertThat(r.urgency()).isEqualTo(Urgency.URGENT);
    TimelineEntry entry = r.timeline().getLast();
    assertThat(entry.kind()).isEqualTo(TimelineKind.AMENDED);
    assertThat(entry.codes()).isEqualTo("fields=reason,urgency");
    assertThat(entry.note()).isEqualTo("Situation worsened");
  }

  @Test
  void amendmentThatChangesNothingIsRefused() {
    Referral r = in(ReferralState.SENT);
    assertThatThrownBy(
            () ->
                r.amend(
                    new Referral.Amendment(null, null, null, Urgency.ROUTINE, null),
                    "No change",
                    REFERRER,
                    T0))
        .isInstanceOf(DomainRuleViolation.class);
  }

  @Test
  void offPlatformReferralHasAFollowUpAndNoCaseworker() {
    Referral r = draft();
    ACTIONS.get("sendOffPlatform").accept(r);
    assertThat(r.offPlatform()).isTrue();
    assertThat(r.providerOrganization()).isNull();
    assertThat(r.followUpDue()).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThatThrownBy(() -> r.assign(CASEWORKER, REFERRER, T0))
        .isInstanceOf(DomainRuleViolation.class);
    r.accept(REFERRER, T0);
    assertThat(r.state()).isEqualTo(ReferralState.ACCEPTED);
  }

  @Test
  void deadlineRemindsOnceThenEscalatesOnceAndKeepsTheOverdueFlag() {
    Referral r = in(ReferralState.SENT);
    r.takeChanges();
    assertThat(r.remindDueSoon(T0)).as("before the reminder time").isFalse();
    assertThat(r.remindDueSoon(T0.plusSeconds(10))).isTrue();
    assertThat(r.remindDueSoon(T0.plusSeconds(20))).as("only once").isFalse();
    assertThat(r.markOverdue(T0.plusSeconds(8999))).isFalse();
    assertThat(r.markOverdue(T0.plusSeconds(9000))).isTrue();
    assertThat(r.markOverdue(T0.plusSeconds(9999))).as("only once").isFalse();
    assertThat(r.pendingChanges())
        .extracting(ReferralChanged::change)
        .containsExactly(Change.RESPONSE_DUE_SOON, Change.RESPONSE_OVERDUE);
    assertThat(r.pendingChanges()).allMatch(c -> c.actor() == null);
    r.accept(STAFF, T0.plusSeconds(10000));
    assertThat(r.overdue()).as("kept for reports").isTrue();
  }

  @Test
  void answeredReferralIsNeitherRemindedNorEscalated() {
    Referral r = in(ReferralState.ACCEPTED);
    assertThat(r.remindDueSoon(T0.plusSeconds(100_000))).isFalse();
    assertThat(r.markOverdue(T0.plusSeconds(100_000))).isFalse();
  }

  @Test
  void providerSeesOnlyReferralsSentToIt() {
    assertThat(draft().sentTo(PROVIDER)).isFalse();
    assertThat(in(ReferralState.SENT).sentTo(PROVIDER)).isTrue();
    assertThat(in(ReferralState.SENT).sentTo(AGENCY)).isFalse();
  }
}
