package org.bridgeway.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises the request body limit for an API handler method (or every method of a controller) above
 * the default of {@code bridgeway.api.max-body-size} (1 MB). Bodies above the limit are refused
 * with 413 before they are read.
 *
 * <p>Usage: {@code @ApiBodyLimit("20MB") @PostMapping("/attendance/uploads")}
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiBodyLimit {

  /** The limit as a data size: {@code 5MB}, {@code 512KB}. */
  String value();
}
