package org.bridgeway.directory.listing;

import java.util.List;

/**
 * One page of a list the listing pages show.
 *
 * @param page the page number, from 0
 */
public record ResultPage<T>(List<T> items, long totalItems, int page, int size) {

  public ResultPage {
    items = List.copyOf(items);
  }

  public int totalPages() {
    return (int) ((totalItems + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < totalPages();
  }
}
