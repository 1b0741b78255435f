package org.bridgeway.consent;

import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;

/**
 * The one consent engine every module asks before it reads, shows, exports or sends protected data.
 * A decision reads the directives as they are now: a revocation takes effect on the next request
 * and an expiry (by date or by event) needs no job to run.
 *
 * <p>Asking is not disclosing: a caller that shows or sends permitted Part 2 or health data calls
 * {@link #disclose}, which records the disclosure for the accounting and audit trail in the
 * caller's transaction, and then shows the §2.32 notice (message key {@link #NOTICE_KEY}) with the
 * data.
 */
public interface ConsentDecisions {

  /** The message key of the §2.32 notice that goes with every disclosure of Part 2 data. */
  String NOTICE_KEY = "consent.notice.part2";

  /** Decides one request for a recipient, recording nothing. */
  ConsentDecision decide(BridgewayPrincipal recipient, DisclosureRequest request);

  /**
   * Decides many requests at once (every row of a page), in the order given, reading the directives
   * of all the people involved in one go.
   */
  List<ConsentDecision> decideAll(BridgewayPrincipal recipient, List<DisclosureRequest> requests);

  /**
   * Decides and, if permitted and the data is not ordinary, records the disclosure (who, to whom,
   * what, when, which directive) for the accounting of disclosures.
   *
   * @param records what was disclosed, in a few words with ids only (no protected content), e.g. "3
   *     drug test results"
   */
  ConsentDecision disclose(BridgewayPrincipal recipient, DisclosureRequest request, String records);
}
