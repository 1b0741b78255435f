package org.bridgeway.supervision.workspace;

import java.time.Instant;
import java.util.List;
import org.bridgeway.supervision.PersonId;

/**
 * One part of the supervision module (or a later module) adding what it knows to a person's
 * timeline. Each part declares one bean; the person page asks every bean for the person and a time
 * window and shows the entries newest first. The caller has already checked that the user sees the
 * person and audits the read, so a source neither checks access nor audits.
 */
public interface TimelineSource {

  /**
   * The entries of the person that happened in {@code [from, to)}.
   *
   * @param limit at most this many, the newest first
   */
  List<TimelineEntry> entries(PersonId person, Instant from, Instant to, int limit);
}
