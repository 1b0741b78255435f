package org.bridgeway.supervision.workspace;

import java.util.List;

/**
 * One page of a caseload.
 *
 * @param officerName whose caseload it is, or null for the caller's own or the whole agency
 * @param truncated whether more lines matched than a page sorted by another part's column takes
 *     ({@link Caseload#MAX_SORTED}); only the first of them were sorted
 */
public record CaseloadPage(
    List<CaseloadLine> lines,
    long total,
    int page,
    int size,
    String officerName,
    boolean truncated) {

  public int totalPages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
