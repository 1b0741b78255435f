package org.bridgeway.supervision.person;

import java.util.HashSet;
import java.util.Set;

/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it (each word padded with two spaces in front
 * and one behind; shared trigrams over all distinct trigrams), so that a score computed here agrees
 * with the index that found the candidate.
 */
final class Trigrams {

  private Trigrams() {}

  static double similarity(String a, String b) {
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      return 0;
    }
    Set<String> first = trigrams(a);
    Set<String> second = trigrams(b);
    Set<String> shared = new HashSet<>(first);
    shared.retainAll(second);
    Set<String> all = new HashSet<>(first);
    all.addAll(second);
    return all.isEmpty() ? 0 : (double) shared.size() / all.size();
  }

  static Set<String> trigrams(String text) {
    Set<String> result = new HashSet<>();
    for (String word : text.split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String padded = "  " + word + " ";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        result.add(padded.substring(i, i + 3));
      }
    }
    return result;
  }
}
