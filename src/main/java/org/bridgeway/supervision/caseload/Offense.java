package org.bridgeway.supervision.caseload;

import java.util.Objects;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.springframework.data.relational.core.mapping.Table;

/** An offense of a case: its category and the offense as the court named it. */
@Table("supervision_case_offense")
public record Offense(OffenseCategory category, String description) {

  public Offense {
    Objects.requireNonNull(category, "category");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("An offense needs a description");
    }
  }
}
