package org.bridgeway.outcomes.ingest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bridgeway.care.CareSignal;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralParties;
import org.bridgeway.supervision.AssessmentCompleted;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionCaseClosed;
import org.bridgeway.supervision.SupervisionCaseOpened;
import org.bridgeway.supervision.SupervisionHistory;
import org.bridgeway.supervision.ViolationRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model current from the other modules' events: each event names a person, whose
 * copy is refreshed from the facades. A redelivered event refreshes the same rows again, so the
 * listeners are idempotent; the publication registry redelivers any that failed.
 */
@Component
class PlatformRecordsListener {

  /** The care signals that change sessions, first session, discharge or completion. */
  private static final Set<CareSignal.Kind> PARTICIPATION =
      EnumSet.of(
          CareSignal.Kind.ATTENDANCE_RECORDED,
          CareSignal.Kind.NO_SHOW_UNEXCUSED,
          CareSignal.Kind.APPOINTMENT_SCHEDULED,
          CareSignal.Kind.APPOINTMENT_CHANGED,
          CareSignal.Kind.APPOINTMENT_CANCELLED,
          CareSignal.Kind.DISCHARGED_COMPLETED,
          CareSignal.Kind.DISCHARGED_NOT_COMPLETED);

  /** The referral changes that change participation (sent, accepted, declined). */
  private static final Set<ReferralChanged.Change> REFERRAL =
      EnumSet.of(
          ReferralChanged.Change.SENT,
          ReferralChanged.Change.ACCEPTED,
          ReferralChanged.Change.DECLINED,
          ReferralChanged.Change.COMPLETED,
          ReferralChanged.Change.ENDED_EARLY,
          ReferralChanged.Change.AMENDED);

  private final OutcomesReadModel readModel;
  private final SupervisionHistory supervision;
  private final ReferralParties parties;

  PlatformRecordsListener(
      OutcomesReadModel readModel, SupervisionHistory supervision, ReferralParties parties) {
    this.readModel = readModel;
    this.supervision = supervision;
    this.parties = parties;
  }

  @ApplicationModuleListener
  void on(SupervisionCaseOpened opened) {
    readModel.refresh(opened.agency(), List.of(opened.person()));
  }

  @ApplicationModuleListener
  void on(SupervisionCaseClosed closed) {
    readModel.refresh(closed.agency(), List.of(closed.person()));
  }

  @ApplicationModuleListener
  void on(ViolationRecorded recorded) {
    refresh(recorded.person());
  }

  @ApplicationModuleListener
  void on(AssessmentCompleted completed) {
    // An assessment can become the one nearest a case's start.
    readModel.refresh(completed.agency(), List.of(completed.person()));
  }

  @ApplicationModuleListener
  void on(ReferralChanged changed) {
    if (!REFERRAL.contains(changed.change())) {
      return;
    }
    parties.partiesOf(changed.referral()).ifPresent(found -> refresh(found.person()));
  }

  @ApplicationModuleListener
  void on(CareSignal signal) {
    if (PARTICIPATION.contains(signal.kind())) {
      readModel.refresh(signal.agency(), List.of(signal.person()));
    }
  }

  private void refresh(PersonId person) {
    supervision.agencyOf(person).ifPresent(agency -> readModel.refresh(agency, List.of(person)));
  }
}
