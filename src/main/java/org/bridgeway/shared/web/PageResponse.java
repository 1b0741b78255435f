package org.bridgeway.shared.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every API list endpoint answers it: the items, the page asked for, and how
 * many items and pages there are in all.
 *
 * <p>Usage: {@code PageResponse.of(rows, query, totalCount)}; {@code .map(View::of)} to convert the
 * items.
 *
 * @param items this page's items, at most {@code size}
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many items all pages hold together
 * @param totalPages how many pages there are at this size (0 when there are no items)
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public PageResponse {
    items = List.copyOf(items);
  }

  public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
    int totalPages = (int) ((totalItems + query.size() - 1) / query.size());
    return new PageResponse<>(items, query.page(), query.size(), totalItems, totalPages);
  }

  /** The page of a list held in memory. */
  public static <T> PageResponse<T> slice(List<T> all, PageQuery query) {
    int from = (int) Math.min(query.offset(), all.size());
    int to = (int) Math.min((long) from + query.size(), all.size());
    return of(all.subList(from, to), query, all.size());
  }

  public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
    List<R> mapped = items.stream().<R>map(mapper).toList();
    return new PageResponse<>(mapped, page, size, totalItems, totalPages);
  }
}
