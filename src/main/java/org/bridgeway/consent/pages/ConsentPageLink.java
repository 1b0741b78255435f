package org.bridgeway.consent.pages;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's consents. */
@Component
class ConsentPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "consent.pages.link";
  }

  @Override
  public String path(PersonId person) {
    return "/consent/people/" + person;
  }

  @Override
  public int order() {
    return 10;
  }
}
