package org.bridgeway.care.alert.web;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's treatment alerts. */
@Component
class AlertsPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "care.link.alerts";
  }

  @Override
  public String path(PersonId person) {
    return "/care/people/" + person + "/alerts";
  }

  @Override
  public int order() {
    return 21;
  }
}
