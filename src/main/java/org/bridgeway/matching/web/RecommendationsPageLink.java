package org.bridgeway.matching.web;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's "Find services" link to the person's recommendations. */
@Component
class RecommendationsPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "matching.link.findServices";
  }

  @Override
  public String path(PersonId person) {
    return "/people/" + person + "/recommendations";
  }

  @Override
  public int order() {
    return 5;
  }
}
