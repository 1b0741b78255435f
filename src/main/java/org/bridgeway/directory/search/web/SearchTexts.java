package org.bridgeway.directory.search.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bridgeway.directory.DirectorySearchReason;
import org.bridgeway.directory.search.SearchProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words search results for people: the reasons a service matched and language names, in the
 * reader's language. Codes in reason values are turned into their vocabulary labels.
 */
@Component
class SearchTexts {

  /** Reasons whose values are codes of a vocabulary, and the prefix of their labels' keys. */
  private static final Map<String, String> VOCABULARY =
      Map.of(
          "needDomain", "needDomain.",
          "cost", "costKind.",
          "eligible.gender", "gender.",
          "eligible.supervisionType", "supervisionType.",
          "eligible.supervisionLevel", "supervisionLevel.",
          "eligible.insurance", "insuranceCoverage.");

  private final MessageSource messages;
  private final ZoneId zone;

  SearchTexts(MessageSource messages, Clock clock, SearchProperties properties) {
    this.messages = messages;
    this.zone = properties.timeZone() != null ? properties.timeZone() : clock.getZone();
  }

  /** A date in the reader's language, such as "Nov 20, 2026", in the directory's time zone. */
  String date(Instant instant, Locale locale) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(locale)
            .format(instant.atZone(zone));
  }

  String reason(DirectorySearchReason reason, Locale locale) {
    String values;
    String prefix = VOCABULARY.get(reason.code());
    if (prefix != null) {
      values =
          reason.values().stream()
              .map(v -> messages.getMessage(prefix + v, null, v, locale))
              .collect(Collectors.joining(", "));
    } else if (reason.code().equals("language") || reason.code().startsWith("eligible.language")) {
      values = languages(reason.values(), locale);
    } else {
      values = String.join(", ", reason.values());
    }
    // {0} is every value, worded and joined; {1}, {2}, ... are the values as they are.
    Object[] arguments = new Object[reason.values().size() + 1];
    arguments[0] = values;
    for (int i = 0; i < reason.values().size(); i++) {
      arguments[i + 1] = reason.values().get(i);
    }
    return messages.getMessage(reason.messageKey(), arguments, reason.code(), locale);
  }

  List<String> reasons(List<DirectorySearchReason> reasons, Locale locale) {
    return reasons.stream().map(r -> reason(r, locale)).toList();
  }

  /** The names of languages given by ISO 639 code, in the reader's language. */
  String languages(List<String> codes, Locale locale) {
    return codes.stream().map(code -> language(code, locale)).collect(Collectors.joining(", "));
  }

  String language(String code, Locale locale) {
    String name = Locale.of(code).getDisplayLanguage(locale);
    return name.isEmpty() || name.equals(code) ? code : name;
  }
}
