package org.bridgeway.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies above their limit with 413 before anything reads them: at once when
 * the declared {@code Content-Length} is too large, and while reading when a body without a
 * declared length grows too large. Runs after Spring Security, which reads no body, so that an
 * anonymous caller gets 401 and learns nothing about limits.
 *
 * <p>Multipart uploads are left to {@code spring.servlet.multipart}, which limits each part.
 */
class ApiRequestSizeFilter extends OncePerRequestFilter {

  private final ApiBodyLimits limits;
  private final ProblemWriter problems;

  ApiRequestSizeFilter(ApiBodyLimits limits, ProblemWriter problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limits.limitFor(request);
    if (request.getContentLengthLong() > limit) {
      HttpHeaders headers = new HttpHeaders();
      // Do not make the server read (and discard) the rest of a body it has refused.
      headers.setConnection("close");
      problems.write(request, response, Problems.bodyTooLarge(limit), headers);
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request, limit), response);
  }
}
