package org.bridgeway.outcomes.event;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The outcome events' error messages in the reader's language, from {@code outcomes-events}: the
 * API and the pages show the same words.
 */
@Component
public class EventMessages {

  private final MessageSource messages;

  EventMessages(MessageSource messages) {
    this.messages = messages;
  }

  /** The message of {@code outcomes.events.error.<code>}, with its arguments. */
  public String error(String code, Object... arguments) {
    return messages.getMessage(
        "outcomes.events.error." + code, arguments, code, LocaleContextHolder.getLocale());
  }
}
