package org.bridgeway.supervision.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The choices of the supervision pages' selects, as [value, text] pairs in the page's words. */
final class PageOptions {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private PageOptions() {}

  static <E extends Enum<E>> List<List<String>> of(
      E[] values, Function<E, String> key, MessageSource messages) {
    List<List<String>> options = new ArrayList<>();
    for (E value : values) {
      options.add(List.of(value.name(), text(key.apply(value), messages)));
    }
    return options;
  }

  static String text(String key, MessageSource messages) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  static String dateTime(Instant instant, ZoneId zone) {
    return DATE_TIME.format(instant.atZone(zone));
  }
}
