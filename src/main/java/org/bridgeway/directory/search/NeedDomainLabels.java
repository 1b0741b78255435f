package org.bridgeway.directory.search;

import java.util.Arrays;
import java.util.Locale;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.springframework.context.MessageSource;

/**
 * The English names of the need domains, which the text index holds so that searching "housing"
 * finds every housing service, whatever its own words.
 */
final class NeedDomainLabels {

  private NeedDomainLabels() {}

  static String[] codes() {
    return Arrays.stream(NeedDomain.values()).map(Enum::name).toArray(String[]::new);
  }

  static String[] labels(MessageSource messages) {
    return Arrays.stream(NeedDomain.values())
        .map(d -> messages.getMessage(d.messageKey(), null, d.name(), Locale.ENGLISH))
        .toArray(String[]::new);
  }
}
