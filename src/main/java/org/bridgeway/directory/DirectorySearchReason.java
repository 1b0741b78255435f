package org.bridgeway.directory;

import java.util.List;

/**
 * One reason a service was found: which words matched where, or which filter it satisfies and how.
 * Pages word it through the message {@code directorySearch.reason.<code>} with the values as
 * arguments.
 *
 * <p>Codes: {@code text.name}, {@code text.about} (the organization, taxonomy terms or need
 * domains), {@code text.description} (the description, location or city) (values: the words);
 * {@code needDomain} (the requested domains it serves); {@code taxonomyTerm} (term names); {@code
 * distance} (miles, one decimal); {@code remote} (no location: by telephone or online); {@code
 * openAt}; {@code openNow}; {@code capacity} (open slots); {@code cost} (the cost kind); {@code
 * language} (the codes it offers); {@code eligible.age} (age, minimum or empty, maximum or empty);
 * {@code eligible.gender}; {@code eligible.supervisionType}; {@code eligible.supervisionLevel};
 * {@code eligible.offenses}; {@code eligible.insurance} (the accepted payment sources); {@code
 * eligible.insuranceNotStated}; {@code eligible.language}; {@code eligible.residence} (the ZIP
 * code).
 */
public record DirectorySearchReason(String code, List<String> values) {

  public DirectorySearchReason {
    values = List.copyOf(values);
  }

  public static DirectorySearchReason of(String code, String... values) {
    return new DirectorySearchReason(code, List.of(values));
  }

  /** The message key that words this reason. */
  public String messageKey() {
    return "directorySearch.reason." + code;
  }
}
