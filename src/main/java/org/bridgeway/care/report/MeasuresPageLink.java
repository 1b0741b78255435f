package org.bridgeway.care.report;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's measures page. */
@Component
class MeasuresPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "care.measures.link";
  }

  @Override
  public String path(PersonId person) {
    return "/care/people/" + person + "/measures";
  }

  @Override
  public int order() {
    return 22;
  }
}
