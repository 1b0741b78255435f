package org.bridgeway.referrals.pages;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's referrals. */
@Component
class ReferralsPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "referralPages.link.person";
  }

  @Override
  public String path(PersonId person) {
    return "/referrals?person=" + person + "&filter=ALL";
  }

  @Override
  public int order() {
    return 30;
  }
}
