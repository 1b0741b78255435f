package org.bridgeway.supervision.violation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bridgeway.shared.vocabulary.SupervisionLevel;

/**
 * The sanctions an agency suggests for a violation of a severity by a person supervised at a level:
 * every sanction of the ladder from {@code lowest} to {@code highest} (ADR 0011). The officer
 * chooses; a sanction outside the range needs a reason.
 */
public record ResponseRange(
    ViolationSeverity severity, SupervisionLevel level, Sanction lowest, Sanction highest) {

  public ResponseRange {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(lowest, "lowest");
    Objects.requireNonNull(highest, "highest");
    if (!lowest.onTheLadder() || !highest.onTheLadder()) {
      throw new IllegalArgumentException("A range runs between sanctions of the ladder");
    }
    if (lowest.compareTo(highest) > 0) {
      throw new IllegalArgumentException("The lowest sanction must not be above the highest");
    }
  }

  /**
   * The range an agency that set none uses: heavier with the severity, one step heavier for high
   * and intensive supervision, where a violation says more about risk.
   */
  public static ResponseRange defaultFor(ViolationSeverity severity, SupervisionLevel level) {
    boolean close = level == SupervisionLevel.HIGH || level == SupervisionLevel.INTENSIVE;
    return switch (severity) {
      case LOW ->
          new ResponseRange(
              severity,
              level,
              Sanction.VERBAL_WARNING,
              close ? Sanction.INCREASED_REPORTING : Sanction.WRITTEN_WARNING);
      case MODERATE ->
          close
              ? new ResponseRange(
                  severity, level, Sanction.INCREASED_REPORTING, Sanction.ELECTRONIC_MONITORING)
              : new ResponseRange(
                  severity, level, Sanction.WRITTEN_WARNING, Sanction.COMMUNITY_SERVICE);
      case HIGH ->
          close
              ? new ResponseRange(
                  severity, level, Sanction.ELECTRONIC_MONITORING, Sanction.REVOCATION_REQUEST)
              : new ResponseRange(severity, level, Sanction.CURFEW, Sanction.JAIL_SANCTION);
    };
  }

  /** Whether the sanction is within the range; {@link Sanction#OTHER} never is. */
  public boolean allows(Sanction sanction) {
    return sanction.onTheLadder()
        && sanction.compareTo(lowest) >= 0
        && sanction.compareTo(highest) <= 0;
  }

  /** The sanctions of the range, lightest first. */
  public List<Sanction> sanctions() {
    return Arrays.stream(Sanction.values()).filter(this::allows).toList();
  }
}
