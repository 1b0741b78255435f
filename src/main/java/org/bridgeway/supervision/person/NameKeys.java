package org.bridgeway.supervision.person;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names folded for comparison: "José O'Neil-Smith" becomes "jose oneil smith". Stored beside the
 * names, so that the database compares the same form the application does.
 */
public final class NameKeys {

  private NameKeys() {}

  public static String key(String name) {
    if (name == null) {
      return null;
    }
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("['’`.]", "")
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    return folded;
  }
}
