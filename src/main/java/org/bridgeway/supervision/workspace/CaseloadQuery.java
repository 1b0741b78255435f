package org.bridgeway.supervision.workspace;

import java.util.UUID;
import org.bridgeway.shared.vocabulary.SupervisionLevel;

/**
 * What a caseload page asks for.
 *
 * @param officer whose caseload; null for the caller's own (an administrator's: the whole agency)
 * @param text a name or part of one, or an identifier; null for everyone
 * @param level only cases at this level, or null
 * @param risk only people at this risk level code, or null
 * @param overdueOnly only cases with something overdue
 * @param endingSoon only cases expected to end within {@link Caseload#ENDING_SOON_DAYS} days
 * @param page the page, from 0
 * @param office only cases supervised from this office, or null
 * @param alertsOnly only cases with at least one open alert
 */
public record CaseloadQuery(
    UUID officer,
    String text,
    SupervisionLevel level,
    String risk,
    boolean overdueOnly,
    boolean endingSoon,
    CaseloadSort sort,
    boolean descending,
    int page,
    UUID office,
    boolean alertsOnly) {

  /** A query without the open-alerts filter. */
  public CaseloadQuery(
      UUID officer,
      String text,
      SupervisionLevel level,
      String risk,
      boolean overdueOnly,
      boolean endingSoon,
      CaseloadSort sort,
      boolean descending,
      int page,
      UUID office) {
    this(
        officer, text, level, risk, overdueOnly, endingSoon, sort, descending, page, office, false);
  }

  public CaseloadQuery {
    sort = sort == null ? CaseloadSort.NAME : sort;
    page = Math.clamp(page, 0, 100_000);
    text = text == null || text.isBlank() ? null : text.strip();
    risk = risk == null || risk.isBlank() ? null : risk;
  }

  /** Whether the page needs every matching line filled in before it can be sorted and cut. */
  boolean needsEveryLine() {
    return !sort.inDatabase() || risk != null || overdueOnly || alertsOnly;
  }
}
