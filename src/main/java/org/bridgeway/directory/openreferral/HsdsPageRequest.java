package org.bridgeway.directory.openreferral;

/**
 * Which page of a list the {@code /hsds} API is asked for.
 *
 * @param page the page number, from 1 as in the HSDS API reference
 * @param perPage how many items a page holds, 1 to {@link #MAX_PER_PAGE}
 */
public record HsdsPageRequest(int page, int perPage) {

  public static final int DEFAULT_PER_PAGE = 50;
  public static final int MAX_PER_PAGE = 500;

  public HsdsPageRequest {
    if (page < 1) {
      throw new HsdsParameterException("page", "range", "must be 1 or more");
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new HsdsParameterException(
          "per_page", "range", "must be between 1 and " + MAX_PER_PAGE);
    }
  }

  /** How many items come before this page: for SQL {@code OFFSET}. */
  public long offset() {
    return (long) (page - 1) * perPage;
  }
}
