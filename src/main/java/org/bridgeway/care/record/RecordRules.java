package org.bridgeway.care.record;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.shared.web.FieldViolation;

/** The field checks the provider's records share, each naming the field at fault. */
final class RecordRules {

  private RecordRules() {}

  static FieldViolation required(String field) {
    return new FieldViolation(field, "Required", "is required");
  }

  /** A day that must be known, not in the future and within the episode. */
  static void day(
      List<FieldViolation> violations,
      String field,
      LocalDate day,
      TreatmentEpisode episode,
      InformationCategory category,
      LocalDate today) {
    if (day == null) {
      violations.add(required(field));
    } else if (day.isAfter(today)) {
      violations.add(new FieldViolation(field, "PastOrPresent", "must not be in the future"));
    } else if (!episode.acceptsReportOn(day, category)) {
      violations.add(
          new FieldViolation(
              field,
              "OutsideEpisode",
              "must be within the treatment episode (from its start to its end)"));
    }
  }

  static void text(
      List<FieldViolation> violations, String field, String value, int max, boolean needed) {
    if (value == null || value.isBlank()) {
      if (needed) {
        violations.add(new FieldViolation(field, "NotBlank", "must not be blank"));
      }
    } else if (value.strip().length() > max) {
      violations.add(new FieldViolation(field, "Size", "must have at most " + max + " characters"));
    }
  }

  /** Each entry names a goal of the plan, once, with a rating. */
  static <T> void goals(
      List<FieldViolation> violations,
      Optional<TreatmentPlan> plan,
      List<T> entries,
      Function<T, UUID> goalOf,
      Function<T, Object> ratingOf,
      String ratingField) {
    Set<UUID> known = plan.map(TreatmentPlan::goalIds).orElse(Set.of());
    Set<UUID> seen = new HashSet<>();
    List<T> all = entries == null ? List.of() : entries;
    for (int i = 0; i < all.size(); i++) {
      String field = "goals[" + i + "]";
      T entry = all.get(i);
      if (entry == null) {
        violations.add(required(field));
        continue;
      }
      UUID goal = goalOf.apply(entry);
      if (goal == null) {
        violations.add(required(field + ".goalId"));
      } else if (!known.contains(goal) || !seen.add(goal)) {
        violations.add(
            new FieldViolation(
                field + ".goalId", "UnknownGoal", "is not a goal of the episode's plan"));
      }
      if (ratingOf.apply(entry) == null) {
        violations.add(required(field + "." + ratingField));
      }
    }
  }

  static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static void rejectIf(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
  }
}
