package org.bridgeway.directory;

import java.util.List;

/**
 * A page of services found, with how the search was understood.
 *
 * @param totalHits how many services match in all
 * @param facets counts over all matches; null unless the query asked for them
 * @param words the words searched for, after spelling correction, in order
 * @param corrections the words that were not in the directory and what was searched instead
 * @param origin where distances were measured from; null without one
 */
public record DirectorySearchResult(
    List<DirectorySearchHit> hits,
    long totalHits,
    int page,
    int size,
    DirectorySearchFacets facets,
    List<String> words,
    List<Correction> corrections,
    Origin origin) {

  static final double METERS_PER_MILE = 1609.344;

  public DirectorySearchResult {
    hits = List.copyOf(hits);
    words = List.copyOf(words);
    corrections = List.copyOf(corrections);
  }

  public int totalPages() {
    return (int) ((totalHits + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < totalHits;
  }

  /** A word not found in the directory, and the closest word that was searched for instead. */
  public record Correction(String typed, String used) {}

  /**
   * Where distances were measured from.
   *
   * @param zip the ZIP code whose center was used, for ZIP and address searches
   */
  public record Origin(
      double latitude, double longitude, double radiusMiles, Source source, String zip) {

    public double radiusMeters() {
      return radiusMiles * METERS_PER_MILE;
    }
  }

  /** What the origin was given as. */
  public enum Source {
    /** Coordinates. */
    POINT,
    /** A ZIP code: the center of its Census tabulation area. */
    ZIP,
    /** An address, placed at the center of the ZIP code found in it (there is no geocoder). */
    ADDRESS
  }
}
