package org.bridgeway.care.transition;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bridgeway.consent.WithholdingReason;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The sentences of the transition pages, worded from the message bundle. */
final class TransitionTexts {

  private TransitionTexts() {}

  /** "The transfer summary from Riverside Recovery is withheld: the consent expired on ..." */
  static String withheld(
      String providerName, WithholdingReason reason, LocalDate since, MessageSource messages) {
    Locale locale = LocaleContextHolder.getLocale();
    String key = "care.transition.withheld.reason." + reason.name();
    String why =
        since == null
            ? messages.getMessage(key, null, reason.name(), locale)
            : messages.getMessage(
                key + ".since",
                new Object[] {since.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale))},
                reason.name(),
                locale);
    return messages.getMessage(
        "care.transition.withheld.line", new Object[] {providerName, why}, locale);
  }
}
