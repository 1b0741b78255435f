package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the servlet response, for answers given outside Spring MVC's message
 * conversion: filters, and requests that reached no controller. Uses the application's JSON mapper,
 * which already knows how Spring renders {@link ProblemDetail}, so the output matches the exception
 * handler's.
 */
class ProblemWriter {

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    write(request, response, problem, HttpHeaders.EMPTY);
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ProblemDetail problem,
      HttpHeaders headers)
      throws IOException {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
    response.flushBuffer();
  }
}
