package org.bridgeway.supervision.person;

import java.util.List;

/** One page of people found, and how many were found in all. */
public record PersonSearchResult(List<PersonSummary> people, long total) {

  public PersonSearchResult {
    people = List.copyOf(people);
  }
}
