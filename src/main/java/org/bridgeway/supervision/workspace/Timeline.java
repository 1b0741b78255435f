package org.bridgeway.supervision.workspace;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bridgeway.supervision.PersonId;
import org.springframework.stereotype.Service;

/**
 * A person's timeline: what every {@link TimelineSource} knows, newest first. The caller has
 * checked that the user sees the person and audited the read.
 */
@Service
public class Timeline {

  /** The most entries a timeline shows. */
  public static final int LIMIT = 200;

  private final List<TimelineSource> sources;

  Timeline(List<TimelineSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /**
   * The person's entries in {@code [from, to)}, newest first, at most {@link #LIMIT}.
   *
   * @param kind only entries of this kind, or null for all
   */
  public List<TimelineEntry> of(PersonId person, Instant from, Instant to, String kind) {
    return sources.stream()
        .flatMap(source -> source.entries(person, from, to, LIMIT).stream())
        .filter(entry -> kind == null || kind.equals(entry.kind()))
        .sorted(Comparator.comparing(TimelineEntry::at).reversed())
        .limit(LIMIT)
        .toList();
  }

  /** The kinds the person's timeline has entries of, to filter by. */
  public Set<String> kindsOf(List<TimelineEntry> entries) {
    Set<String> kinds = new TreeSet<>();
    entries.forEach(entry -> kinds.add(entry.kind()));
    return kinds;
  }
}
