package org.bridgeway.care.alert.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bridgeway.care.alert.CareAlerts.AlertShown;
import org.bridgeway.consent.WithholdingReason;
import org.springframework.context.MessageSource;

/** The sentences of the alert pages and API that come from the message bundle. */
final class AlertTexts {

  private AlertTexts() {}

  /** "Details withheld: there is no consent from the person that covers them." */
  static String withheld(AlertShown shown, MessageSource messages, Locale locale) {
    if (shown.detailsShown()) {
      return null;
    }
    return messages.getMessage(
        "care.alert.withheld",
        new Object[] {reason(shown.withheldReason(), shown.withheldSince(), messages, locale)},
        locale);
  }

  /** Why something is withheld, with the day the reason took effect when known. */
  static String reason(
      WithholdingReason reason, LocalDate since, MessageSource messages, Locale locale) {
    String key = "care.withheld.reason." + reason.name();
    return since == null
        ? messages.getMessage(key, null, locale)
        : messages.getMessage(
            key + ".since", new Object[] {DateTimeFormatter.ISO_LOCAL_DATE.format(since)}, locale);
  }
}
