package org.bridgeway.consent;

import java.time.LocalDate;
import java.util.Optional;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * When a person's treatment at a program ended: the "end of treatment" expiry event of consent
 * directives. Implemented by the module that keeps treatment episodes; the engine asks it at
 * decision time, so expiry by event needs no job. Without an implementation treatment never ends.
 */
public interface TreatmentEndings {

  /**
   * The day the person's treatment at the program ended; empty while an episode there is open or if
   * the person never had one.
   */
  Optional<LocalDate> treatmentEndedOn(PersonId person, OrganizationId program);
}
