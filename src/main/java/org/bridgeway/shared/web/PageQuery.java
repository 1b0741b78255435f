package org.bridgeway.shared.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;

/**
 * Which page of a list an API client asks for: query parameters {@code page} (0-based, default 0)
 * and {@code size} (1 to 200, default 50). Take it as a validated handler argument; a bad value is
 * answered 400 with the parameter named in {@code errors}:
 *
 * <pre>{@code
 * @GetMapping("/referrals")
 * PageResponse<ReferralView> list(@Valid PageQuery page) {
 *   return referrals.list(page.offset(), page.size()) ...
 * }
 * }</pre>
 *
 * @param page the page number, from 0
 * @param size how many items per page
 */
@ParameterObject
public record PageQuery(@Min(0) Integer page, @Min(1) @Max(MAX_SIZE) Integer size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  public PageQuery {
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
  }

  public static PageQuery of(int page, int size) {
    return new PageQuery(page, size);
  }

  /** How many items come before this page: for SQL {@code OFFSET}. */
  public long offset() {
    return (long) page * size;
  }
}
