package org.bridgeway.care.reminder;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS gateway when no provider is configured: nothing leaves the application; the send is
 * logged with the number masked and the text's length only, so that a log never holds a person's
 * number or appointment.
 */
class LoggingSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

  @Override
  public Sent send(String to, String text) {
    String reference = "logged-" + UUID.randomUUID();
    log.info(
        "SMS not sent (no provider configured) to {}: {} characters, {}",
        mask(to),
        text.length(),
        reference);
    return new Sent(false, reference);
  }

  /** All but the last two digits hidden. */
  static String mask(String number) {
    if (number == null || number.length() <= 2) {
      return "**";
    }
    return "*".repeat(number.length() - 2) + number.substring(number.length() - 2);
  }
}
