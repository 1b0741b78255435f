package org.bridgeway.outcomes.event.web;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's outcome events. */
@Component
class OutcomesPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "outcomes.events.link";
  }

  @Override
  public String path(PersonId person) {
    return "/outcomes/people/" + person + "/events";
  }

  @Override
  public int order() {
    return 60;
  }
}
