package org.bridgeway.care.episode;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bridgeway.consent.TreatmentEndings;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the consent engine when a person's treatment at a program ended: the latest end of their
 * episodes there, once none is open.
 */
@Component
class EpisodeTreatmentEndings implements TreatmentEndings {

  private final TreatmentEpisodes episodes;

  EpisodeTreatmentEndings(TreatmentEpisodes episodes) {
    this.episodes = episodes;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<LocalDate> treatmentEndedOn(PersonId person, OrganizationId program) {
    return endedOn(episodes.findByPersonIdAndProviderId(person, program));
  }

  static Optional<LocalDate> endedOn(List<TreatmentEpisode> atProgram) {
    if (atProgram.isEmpty() || atProgram.stream().anyMatch(e -> !e.hasEnded())) {
      return Optional.empty();
    }
    return atProgram.stream().map(TreatmentEpisode::endedOn).max(LocalDate::compareTo);
  }
}
