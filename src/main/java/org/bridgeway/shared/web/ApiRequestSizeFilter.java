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
 * declared length grows too large. Runs ahead of Spring Security, so an unauthenticated client
 * cannot make the server buffer a large body either.
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
