package org.bridgeway.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes RFC 9457 problem responses for requests the API security chain turns away. */
@Component
class ApiProblemResponder {

  void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception cause)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(
        response,
        HttpStatus.UNAUTHORIZED,
        "A valid API token is required (Authorization: Bearer <token>).");
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, Exception cause)
      throws IOException {
    write(response, HttpStatus.FORBIDDEN, "This API token's roles do not allow this request.");
  }

  private static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + status.getReasonPhrase()
                + "\",\"status\":"
                + status.value()
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
