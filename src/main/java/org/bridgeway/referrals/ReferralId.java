package org.bridgeway.referrals;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a referral. */
public record ReferralId(UUID value) implements Identifier, Serializable {

  public static ReferralId random() {
    return new ReferralId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
