package org.bridgeway.notifications.inbox;

import org.bridgeway.identity.StaffMember;
import org.bridgeway.notifications.mail.MailOutbox;
import org.bridgeway.notifications.webhook.Webhooks;
import org.bridgeway.referrals.ReferralChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns each referral change into notifications, queued mails and webhook deliveries, all in one
 * transaction after the change committed. The event publication registry keeps the event until this
 * completes, and a republished event adds nothing twice.
 */
@Component
class ReferralNotifications {

  private final Recipients recipients;
  private final Preferences preferences;
  private final Inbox inbox;
  private final MailOutbox mail;
  private final Webhooks webhooks;

  ReferralNotifications(
      Recipients recipients,
      Preferences preferences,
      Inbox inbox,
      MailOutbox mail,
      Webhooks webhooks) {
    this.recipients = recipients;
    this.preferences = preferences;
    this.inbox = inbox;
    this.mail = mail;
    this.webhooks = webhooks;
  }

  @ApplicationModuleListener
  void on(ReferralChanged event) {
    Category.of(event.change())
        .ifPresent(
            category -> {
              for (StaffMember recipient : recipients.of(event)) {
                EmailMode email = preferences.emailFor(recipient.id(), category);
                if (inbox.add(recipient.id(), category, event, email == EmailMode.DIGEST)
                    && email == EmailMode.IMMEDIATE) {
                  mail.enqueueChange(recipient, event);
                }
              }
            });
    webhooks.enqueue(event);
  }
}
