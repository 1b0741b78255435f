package org.bridgeway.care.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.care.reminder.ReminderSettings;
import org.bridgeway.care.transition.CareTransition;
import org.bridgeway.care.transition.TransitionKind;
import org.bridgeway.care.transition.Transitions;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.security.Actor;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Continuity of care for the demo, on the treatment demo's episodes: the first demo person steps
 * down from Riverside Recovery Center to another demo provider, both on the case for two more
 * weeks, with Riverside's transfer summary waiting for a consent to reach the new provider; the
 * fourth is to be released from custody in two days with no intake booked (a gap flagged); the
 * first has SMS and email reminders in New York time. After the treatment demo step.
 */
@Component
@Profile("demo")
class ContinuityDemoData implements DemoDataStep {

  private final Transitions transitions;
  private final ReminderSettings reminders;
  private final TreatmentEpisodes episodes;
  private final JdbcClient jdbc;
  private final Clock clock;

  ContinuityDemoData(
      Transitions transitions,
      ReminderSettings reminders,
      TreatmentEpisodes episodes,
      JdbcClient jdbc,
      Clock clock) {
    this.transitions = transitions;
    this.reminders = reminders;
    this.episodes = episodes;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 470;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    TreatmentEpisode first =
        episodes.findById(new TreatmentEpisodeId(demo.id("care-episode:0"))).orElse(null);
    TreatmentEpisode fourth =
        episodes.findById(new TreatmentEpisodeId(demo.id("care-episode:3"))).orElse(null);
    if (first == null || fourth == null || first.hasEnded()) {
      return;
    }
    boolean seeded =
        jdbc.sql("SELECT count(*) FROM care_transition WHERE person_id = :person")
                .param("person", first.personId().value())
                .query(Long.class)
                .single()
            > 0;
    if (seeded) {
      return;
    }
    OrganizationId agency = first.agencyId();
    BridgewayPrincipal setup =
        BridgewayPrincipal.apiClient(
            new UUID(0, 0),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Demo data",
            "Demo data",
            Set.of(Role.ORGANIZATION_ADMIN));
    LocalDate today = LocalDate.now(clock);
    OrganizationId next = new OrganizationId(demo.id("organization:8"));
    TreatmentEpisode stepDown =
        episodes.save(
            TreatmentEpisode.record(
                new TreatmentEpisodeId(demo.id("care-episode:step-down")),
                first.person(),
                agency,
                next,
                null,
                TreatmentBasis.COURT_ORDERED,
                today.minusDays(7),
                Actor.system().reference(),
                clock.instant(),
                today));
    CareTransition handOff =
        transitions.recordHandOff(
            setup,
            first.personId(),
            new Transitions.NewHandOff(
                TransitionKind.STEP_DOWN,
                first.id().value(),
                stepDown.id().value(),
                today.plusDays(14),
                null));
    transitions.writeSummary(
        BridgewayPrincipal.apiClient(
            new UUID(0, 1),
            first.providerId(),
            OrganizationKind.TREATMENT_PROVIDER,
            "Demo data",
            "Demo data",
            Set.of(Role.PROVIDER_STAFF)),
        handOff.id(),
        "Four months in intensive outpatient care; attendance steady since month two, negative"
            + " tests for eight weeks. Ready for weekly outpatient sessions; continue the relapse"
            + " prevention plan.",
        null);
    transitions.recordRelease(
        setup,
        fourth.personId(),
        new Transitions.NewRelease(today.plusDays(2), 3, null, fourth.id().value()));
    // The channels follow the record's preferred method; the zone is New York's.
    reminders.change(
        setup,
        first.personId(),
        new ReminderSettings.Change(false, false, "America/New_York", false, null));
  }
}
