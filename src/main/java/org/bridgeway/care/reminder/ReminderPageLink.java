package org.bridgeway.care.reminder;

import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonPageLink;
import org.springframework.stereotype.Component;

/** The person page's link to the person's reminders page. */
@Component
class ReminderPageLink implements PersonPageLink {

  @Override
  public String messageKey() {
    return "care.reminder.link";
  }

  @Override
  public String path(PersonId person) {
    return "/care/people/" + person + "/reminders";
  }

  @Override
  public int order() {
    return 23;
  }
}
