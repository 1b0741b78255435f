package org.bridgeway.audit;

import java.util.List;
import java.util.UUID;

/**
 * One page of an audit search, newest first.
 *
 * @param entries at most {@link AuditQuery#PAGE_SIZE} entries
 * @param page the page, counting from 0
 * @param hasNext whether an older page follows
 * @param restrictedToOrganization the organization the search was confined to because the reader
 *     administers only that organization; null when the reader sees the whole network
 */
public record AuditSearchResult(
    List<AuditEntry> entries, int page, boolean hasNext, UUID restrictedToOrganization) {

  public AuditSearchResult {
    entries = List.copyOf(entries);
  }

  public boolean hasPrevious() {
    return page > 0;
  }
}
