package org.bridgeway.care.transition;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's transitions page. */
@Component
class TransitionPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "care.transition.link";
  }

  @Override
  public String path(PersonId person) {
    return "/care/people/" + person + "/transitions";
  }

  @Override
  public int order() {
    return 21;
  }
}
