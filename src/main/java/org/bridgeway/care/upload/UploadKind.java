package org.bridgeway.care.upload;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an uploaded file holds: attendance at appointments (the default) or drug and alcohol test
 * results. Chosen by the {@code kind} parameter of the upload ({@code attendance}, {@code
 * drug-tests}); stored with the job as the enum's name.
 */
public enum UploadKind {
  ATTENDANCE("attendance"),
  DRUG_TESTS("drug-tests");

  private final String parameter;

  UploadKind(String parameter) {
    this.parameter = parameter;
  }

  /** The value of the {@code kind} parameter that chooses this kind. */
  public String parameter() {
    return parameter;
  }

  public String messageKey() {
    return "care.upload.kind." + name();
  }

  /**
   * The kind a {@code kind} parameter names, by its parameter value or its name in any case;
   * attendance when none is given; empty when the value names no kind.
   */
  public static Optional<UploadKind> ofParameter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(ATTENDANCE);
    }
    String given = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(k -> k.parameter.equals(given) || k.name().toLowerCase(Locale.ROOT).equals(given))
        .findFirst();
  }
}
