package org.bridgeway.care.report;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's progress-report page. */
@Component
class ProgressReportPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "care.report.link";
  }

  @Override
  public String path(PersonId person) {
    return "/care/people/" + person + "/progress-report";
  }

  @Override
  public int order() {
    return 24;
  }
}
