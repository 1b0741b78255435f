package org.bridgeway.care.reminder;

/**
 * Sends a text message. The port reminders send SMS through; the adapter is chosen by configuration
 * ({@link ReminderProperties.Sms#provider()}).
 */
public interface SmsGateway {

  /**
   * The gateway's answer to a send.
   *
   * @param delivered whether the gateway confirms delivery to the handset already (else only sent)
   * @param reference the gateway's id of the message, if it gives one
   */
  record Sent(boolean delivered, String reference) {}

  /**
   * Sends the text to the number.
   *
   * @throws SmsFailure if the gateway refuses or cannot be reached
   */
  Sent send(String to, String text);

  /** A send that did not go through; permanent failures are not retried. */
  class SmsFailure extends RuntimeException {

    private final boolean permanent;

    public SmsFailure(String reason, boolean permanent) {
      super(reason);
      this.permanent = permanent;
    }

    public boolean permanent() {
      return permanent;
    }
  }
}
