package org.bridgeway.supervision.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened to a person on supervision, as the person page's timeline shows it.
 *
 * @param at when it happened
 * @param kind the filter group, such as {@code case}, {@code condition}, {@code contact}; the label
 *     is the message {@code workspace.timeline.kind.<kind>}
 * @param summaryKey the message key of the one-line summary
 * @param arguments the summary's arguments: plain values, or message keys written as {@code #key}
 *     (a code such as {@code #closureReason.REVOCATION}) that are looked up first
 * @param detail free text recorded with it (a note), or null
 * @param link an application path with more, or null
 */
public record TimelineEntry(
    Instant at,
    String kind,
    String summaryKey,
    List<String> arguments,
    String detail,
    String link) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summaryKey, "summaryKey");
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }
}
