package org.bridgeway.matching.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bridgeway.matching.Reason;
import org.springframework.context.MessageSource;

/**
 * Words reasons for a page in the viewer's language: vocabulary codes among a reason's values (need
 * domains, genders, offense categories, supervision types and levels) become their display names,
 * language codes their language's name.
 */
final class MatchingTexts {

  private final MessageSource messages;
  private final Locale locale;

  MatchingTexts(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  /** The sentence of a reason. */
  String reason(Reason reason) {
    List<String> values = new ArrayList<>();
    for (String value : reason.values()) {
      values.add(word(reason.code(), value));
    }
    Object[] arguments =
        switch (reason.code()) {
          case "excluded.offense" -> new Object[] {String.join(", ", values)};
          default -> values.toArray();
        };
    return messages.getMessage(reason.messageKey(), arguments, reason.code(), locale);
  }

  private String word(String code, String value) {
    String prefix =
        switch (code) {
          case "need.high", "need.moderate", "need.focus" -> "needDomain.";
          case "excluded.gender" -> "gender.";
          case "excluded.supervisionType" -> "supervisionType.";
          case "excluded.supervisionLevel" -> "supervisionLevel.";
          case "excluded.offense" -> "offenseCategory.";
          default -> null;
        };
    if (prefix != null) {
      return messages.getMessage(prefix + value, null, value, locale);
    }
    if (code.startsWith("language.") || code.equals("excluded.language")) {
      String name = Locale.forLanguageTag(value).getDisplayLanguage(locale);
      return name.isEmpty() ? value : name;
    }
    return value;
  }
}
