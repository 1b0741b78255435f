package org.bridgeway.care.reminder;

import java.util.Locale;
import java.util.Set;

/**
 * What a reply to the reminders' SMS number asks for, by the keywords U.S. carriers require short
 * message services to honour: the reply's only word, in any case.
 */
enum SmsKeyword {
  STOP,
  START,
  OTHER;

  private static final Set<String> STOP_WORDS =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
  private static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES", "OPTIN");

  static SmsKeyword of(String reply) {
    if (reply == null) {
      return OTHER;
    }
    String word = reply.strip().replaceAll("[\\p{Punct}\\s]+$", "").toUpperCase(Locale.ROOT);
    if (STOP_WORDS.contains(word)) {
      return STOP;
    }
    return START_WORDS.contains(word) ? START : OTHER;
  }
}
