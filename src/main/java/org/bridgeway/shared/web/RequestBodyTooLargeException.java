package org.bridgeway.shared.web;

import java.io.IOException;

/**
 * Thrown while a request body is read once it passes its limit. An {@link IOException}, so that it
 * travels through JSON parsers and message converters to the API exception handler, which answers
 * 413.
 */
class RequestBodyTooLargeException extends IOException {

  private final long limit;

  RequestBodyTooLargeException(long limit) {
    super("Request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }
}
