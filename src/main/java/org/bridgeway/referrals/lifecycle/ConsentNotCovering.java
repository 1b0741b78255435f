package org.bridgeway.referrals.lifecycle;

import java.util.Map;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.shared.web.DomainRuleViolation;

/**
 * The consent engine does not permit disclosing every chosen category to the provider: the referral
 * cannot be sent as it is (422 naming {@code sharedCategories} and why per category).
 */
public class ConsentNotCovering extends DomainRuleViolation {

  public static final String CODE = "referrals.consent.missing";

  private final Map<InformationCategory, WithholdingReason> withheld;

  public ConsentNotCovering(Map<InformationCategory, WithholdingReason> withheld) {
    super(
        "sharedCategories",
        CODE,
        "No consent directive permits sharing " + withheld.keySet() + " with the provider.");
    this.withheld = Map.copyOf(withheld);
  }

  public Map<InformationCategory, WithholdingReason> withheld() {
    return withheld;
  }
}
