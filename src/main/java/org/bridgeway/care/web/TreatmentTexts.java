package org.bridgeway.care.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.bridgeway.care.episode.TreatmentDisclosures.Withheld;
import org.bridgeway.consent.ConsentDecisions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The sentences of the treatment page and export, worded from the message bundle. */
final class TreatmentTexts {

  private TreatmentTexts() {}

  /**
   * "Drug test results from Riverside Recovery are withheld: the consent expired on 3 May 2027."
   */
  static String withheld(Withheld withheld, MessageSource messages) {
    Locale locale = LocaleContextHolder.getLocale();
    String category =
        messages.getMessage(
            "care.category." + withheld.category().name(),
            null,
            withheld.category().name(),
            locale);
    String reasonKey = "care.withheld.reason." + withheld.reason().name();
    String reason =
        withheld.since() == null
            ? messages.getMessage(reasonKey, null, withheld.reason().name(), locale)
            : messages.getMessage(
                reasonKey + ".since",
                new Object[] {day(withheld.since(), locale)},
                withheld.reason().name(),
                locale);
    return messages.getMessage(
        "care.withheld.line", new Object[] {category, withheld.providerName(), reason}, locale);
  }

  static List<String> withheld(List<Withheld> all, MessageSource messages) {
    return all.stream().map(w -> withheld(w, messages)).toList();
  }

  static String notice(MessageSource messages) {
    return messages.getMessage(ConsentDecisions.NOTICE_KEY, null, LocaleContextHolder.getLocale());
  }

  static String day(LocalDate day, Locale locale) {
    return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
  }
}
