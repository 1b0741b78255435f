package org.bridgeway.care.web;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's treatment page. */
@Component
class TreatmentPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "care.link.treatment";
  }

  @Override
  public String path(PersonId person) {
    return "/care/people/" + person + "/treatment";
  }

  @Override
  public int order() {
    return 20;
  }
}
