package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers API requests that failed before any controller was chosen (no such path, method not
 * allowed, unsupported media type) with the same problems as {@link ApiExceptionHandler}.
 * Controller advice only applies once a controller has been chosen, so these would otherwise fall
 * through to the servlet container's error page.
 */
class ApiNoHandlerExceptionResolver implements HandlerExceptionResolver {

  private final ApiExceptionHandler handler;
  private final ProblemWriter problems;

  ApiNoHandlerExceptionResolver(ApiExceptionHandler handler, ProblemWriter problems) {
    this.handler = handler;
    this.problems = problems;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object chosen, Exception ex) {
    if (chosen instanceof HandlerMethod || !ApiWebConfiguration.isApiRequest(request)) {
      return null;
    }
    try {
      ResponseEntity<Object> entity =
          handler.handleException(ex, new ServletWebRequest(request, response));
      if (entity == null || !(entity.getBody() instanceof ProblemDetail problem)) {
        return null;
      }
      problems.write(request, response, problem, entity.getHeaders());
      return new ModelAndView();
    } catch (Exception notHandled) {
      // Not one of Spring MVC's own exceptions, or the response could not be written: leave it to
      // the next resolver.
      return null;
    }
  }
}
