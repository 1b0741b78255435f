package org.bridgeway.care.session;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Whether the person came to an appointment, as the provider recorded it. The session note is the
 * provider's own and is never shown to anyone else; the feedback and concern flags are for the
 * supervising officer, shown only as the person's consent allows.
 *
 * @param concerns the comma-separated concern codes; see {@link #concernFlags()}
 */
@Table("care_attendance")
public record Attendance(
    AttendanceOutcome outcome,
    String reason,
    String sessionNote,
    String feedback,
    String concerns,
    String recordedBy,
    Instant recordedAt) {

  static String codes(Set<Concern> concerns) {
    return concerns == null
        ? ""
        : concerns.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  /** The concerns flagged, in their declared order. */
  public Set<Concern> concernFlags() {
    if (concerns == null || concerns.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(concerns.split(","))
        .map(Concern::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Concern.class)));
  }
}
