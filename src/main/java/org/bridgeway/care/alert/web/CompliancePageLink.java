package org.bridgeway.care.alert.web;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the compliance of the person's treatment conditions. */
@Component
class CompliancePageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "care.link.compliance";
  }

  @Override
  public String path(PersonId person) {
    return "/care/people/" + person + "/compliance";
  }

  @Override
  public int order() {
    return 22;
  }
}
