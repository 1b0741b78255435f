package org.bridgeway.supervision.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The errors of a page form: per input id, the message shown beside the input and in the error
 * summary (which links to the input), in the order added.
 */
final class PageErrors {

  private final Map<String, String> byId = new LinkedHashMap<>();
  private final MessageSource messages;
  private final Locale locale;

  PageErrors(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  /** Adds the message of the key for the input, unless the input already has one. */
  void add(String inputId, String key, Object... args) {
    byId.putIfAbsent(inputId, messages.getMessage(key, args, locale));
  }

  boolean any() {
    return !byId.isEmpty();
  }

  Map<String, String> byId() {
    return byId;
  }

  /** One entry of the summary. */
  record Entry(String id, String message) {}

  List<Entry> summary() {
    List<Entry> entries = new ArrayList<>();
    byId.forEach((id, message) -> entries.add(new Entry(id, message)));
    return entries;
  }
}
