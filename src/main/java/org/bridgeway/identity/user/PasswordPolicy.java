package org.bridgeway.identity.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules (SECURITY.md): at least 12 characters, at most 64 (bcrypt reads only 72 bytes),
 * not a common or breached password, not built from a common word with digits, symbols or
 * look-alike letters around it, and not containing the user's own name or email.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 64;
  private static final int MAX_BYTES = 72;

  /** Why a password was refused; the code is a message key. */
  public enum Violation {
    TOO_SHORT,
    TOO_LONG,
    COMMON,
    PERSONAL,
    REPETITIVE
  }

  private final Set<String> common;

  public PasswordPolicy() {
    this.common = load("identity/common-passwords.txt");
  }

  public Optional<Violation> check(String password, String email, String displayName) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of(Violation.TOO_SHORT);
    }
    if (password.codePointCount(0, password.length()) > MAX_LENGTH
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(Violation.TOO_LONG);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower) || common.contains(core(lower))) {
      return Optional.of(Violation.COMMON);
    }
    if (containsPersonalWord(lower, email, displayName)) {
      return Optional.of(Violation.PERSONAL);
    }
    if (lower.chars().distinct().count() < 4) {
      return Optional.of(Violation.REPETITIVE);
    }
    return Optional.empty();
  }

  /**
   * The word a password is built on: look-alike characters turned back into letters and the digits
   * and symbols around it removed, so "P@ssw0rd2026!" counts as "password".
   */
  static String core(String lower) {
    String letters =
        lower
            .replaceAll("^[0-9!?.,#*_~+=\\-]+", "")
            .replaceAll("[0-9!?.,#*_~+=\\-]+$", "")
            .replace('@', 'a')
            .replace('4', 'a')
            .replace('0', 'o')
            .replace('1', 'i')
            .replace('!', 'i')
            .replace('3', 'e')
            .replace('$', 's')
            .replace('5', 's')
            .replace('7', 't');
    return letters.replaceAll("^[^a-z]+", "").replaceAll("[^a-z]+$", "");
  }

  private static boolean containsPersonalWord(String lower, String email, String displayName) {
    Set<String> words = new HashSet<>();
    if (email != null) {
      String local = email.toLowerCase(Locale.ROOT).split("@")[0];
      words.addAll(Set.of(local.split("[^a-z0-9]+")));
    }
    if (displayName != null) {
      words.addAll(Set.of(displayName.toLowerCase(Locale.ROOT).split("[^\\p{L}0-9]+")));
    }
    words.add("bridgeway");
    return words.stream().filter(word -> word.length() >= 4).anyMatch(lower::contains);
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
      reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .forEach(words::add);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
    return words;
  }
}
