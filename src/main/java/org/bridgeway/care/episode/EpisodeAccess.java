package org.bridgeway.care.episode;

import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which episodes a provider's staff reach: those at their own organization. Any other episode is
 * not found, exactly as a missing one, so that nobody learns another provider's episodes exist. The
 * callers audit what they then read or change.
 */
@Component
public class EpisodeAccess {

  private final TreatmentEpisodes episodes;

  EpisodeAccess(TreatmentEpisodes episodes) {
    this.episodes = episodes;
  }

  /**
   * The episode, if it is at the caller's organization.
   *
   * @throws NotFoundException if there is no such episode or it is at another organization
   */
  @Transactional(readOnly = true)
  public TreatmentEpisode atProvider(BridgewayPrincipal principal, TreatmentEpisodeId id) {
    return episodes
        .findById(id)
        .filter(e -> principal.belongsTo(e.providerId()))
        .orElseThrow(() -> new NotFoundException("treatment episode"));
  }
}
