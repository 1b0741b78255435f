package org.bridgeway.consent;

import java.time.LocalDate;

/**
 * The engine's answer: permitted (with the directive that permits it, or none for ordinary data or
 * a break-glass grant) or withheld (with the reason and the day it took effect, e.g. the day a
 * directive expired or was revoked).
 *
 * @param directive the permitting directive; for a withholding, the directive whose expiry or
 *     revocation or scope caused it, if one did; null otherwise
 * @param reason null when permitted
 * @param since for a withholding, the day the reason took effect (expiry, revocation), if known
 * @param breakGlass whether the permission comes from a medical-emergency grant
 */
public record ConsentDecision(
    boolean permitted,
    ConsentDirectiveId directive,
    WithholdingReason reason,
    LocalDate since,
    boolean breakGlass) {

  public static ConsentDecision permittedBy(ConsentDirectiveId directive) {
    return new ConsentDecision(true, directive, null, null, false);
  }

  /** Ordinary data: no directive needed. */
  public static ConsentDecision ordinary() {
    return new ConsentDecision(true, null, null, null, false);
  }

  public static ConsentDecision emergency() {
    return new ConsentDecision(true, null, null, null, true);
  }

  public static ConsentDecision withheld(
      WithholdingReason reason, ConsentDirectiveId directive, LocalDate since) {
    return new ConsentDecision(false, directive, reason, since, false);
  }
}
