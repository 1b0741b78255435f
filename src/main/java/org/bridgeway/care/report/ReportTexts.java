package org.bridgeway.care.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.bridgeway.care.report.CourtProgressReports.Withheld;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The sentences of progress reports, worded from the message bundle. */
final class ReportTexts {

  private ReportTexts() {}

  /** "Drug test results from Riverside Recovery are withheld from the court: ..." */
  static String withheld(Withheld withheld, MessageSource messages) {
    Locale locale = LocaleContextHolder.getLocale();
    String category =
        messages.getMessage(
            "care.category." + withheld.category().name(),
            null,
            withheld.category().name(),
            locale);
    String reasonKey = "care.report.withheld.reason." + withheld.reason().name();
    String reason =
        withheld.since() == null
            ? messages.getMessage(reasonKey, null, withheld.reason().name(), locale)
            : messages.getMessage(
                reasonKey + ".since",
                new Object[] {
                  withheld.since().format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale))
                },
                withheld.reason().name(),
                locale);
    return messages.getMessage(
        "care.report.withheld.line",
        new Object[] {category, withheld.providerName(), reason},
        locale);
  }

  static List<String> withheld(List<Withheld> all, MessageSource messages) {
    return all.stream().map(w -> withheld(w, messages)).toList();
  }

  static String day(LocalDate day) {
    return day == null ? "" : day.toString();
  }
}
