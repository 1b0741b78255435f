package org.bridgeway.care.alert.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bridgeway.care.alert.CareAlerts.AlertShown;
import org.springframework.context.MessageSource;

/** The sentences of the alert pages and API that come from the message bundle. */
final class AlertTexts {

  private AlertTexts() {}

  /** "Details withheld: there is no consent from the person that covers them." */
  static String withheld(AlertShown shown, MessageSource messages, Locale locale) {
    if (shown.detailsShown()) {
      return null;
    }
    String reasonKey = "care.withheld.reason." + shown.withheldReason().name();
    String reason =
        shown.withheldSince() == null
            ? messages.getMessage(reasonKey, null, locale)
            : messages.getMessage(
                reasonKey + ".since",
                new Object[] {DateTimeFormatter.ISO_LOCAL_DATE.format(shown.withheldSince())},
                locale);
    return messages.getMessage("care.alert.withheld", new Object[] {reason}, locale);
  }
}
