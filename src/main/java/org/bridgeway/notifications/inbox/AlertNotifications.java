package org.bridgeway.notifications.inbox;

import org.bridgeway.care.TreatmentAlertNotice;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.notifications.mail.MailOutbox;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells officers at once that a treatment alert was raised for someone on their caseload, and
 * supervisors that one was escalated to them: in the application always, by email as each prefers
 * (immediately by default). Only active staff of the person's agency are told; a republished notice
 * adds nothing twice.
 */
@Component
class AlertNotifications {

  private final StaffDirectory staff;
  private final Preferences preferences;
  private final Inbox inbox;
  private final MailOutbox mail;

  AlertNotifications(StaffDirectory staff, Preferences preferences, Inbox inbox, MailOutbox mail) {
    this.staff = staff;
    this.preferences = preferences;
    this.inbox = inbox;
    this.mail = mail;
  }

  @ApplicationModuleListener
  void on(TreatmentAlertNotice notice) {
    for (UserId user : notice.recipients()) {
      StaffMember recipient =
          staff
              .find(user)
              .filter(StaffMember::active)
              .filter(member -> member.organization().equals(notice.agency()))
              .orElse(null);
      if (recipient == null) {
        continue;
      }
      EmailMode email = preferences.emailFor(user, Category.TREATMENT_ALERTS);
      if (inbox.add(user, notice, email == EmailMode.DIGEST) && email == EmailMode.IMMEDIATE) {
        mail.enqueueAlert(recipient, notice);
      }
    }
  }
}
