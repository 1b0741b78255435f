package org.bridgeway.shared.web;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST conventions of {@code /api/v1}: problem responses, the body size limit and {@code
 * Idempotency-Key} support. Both filters run after Spring Security's filter chain, inside it: the
 * caller is known, an anonymous caller is turned away before any body is read, and refusals carry
 * the security headers. The size limit runs first, so the idempotency filter reads a bounded body.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

  static final String API_PREFIX = "/api/v1/";
  private static final String API_URL_PATTERN = "/api/v1/*";

  static boolean isApiRequest(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(API_PREFIX);
  }

  @Bean
  ProblemWriter apiProblemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  /**
   * Requests the security firewall refuses (an empty path segment, encoded slashes, a header with
   * control characters) never reach a controller. The API answers them with a problem like any
   * other bad input; pages get the error page.
   */
  @Bean
  RequestRejectedHandler apiRequestRejectedProblems(ProblemWriter problems) {
    return (request, response, rejected) -> {
      if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request's address or headers are not allowed (for example an empty path"
                    + " segment); nothing was done.");
        // The refused address itself is not echoed back.
        problem.setInstance(URI.create(request.getContextPath() + "/api/"));
        problems.write(request, response, problem);
      } else {
        response.sendError(HttpStatus.BAD_REQUEST.value());
      }
    };
  }

  @Bean
  FilterRegistrationBean<ApiRequestSizeFilter> apiRequestSizeFilter(
      ApiProperties properties,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> handlerMapping,
      ProblemWriter problems) {
    ApiBodyLimits limits = new ApiBodyLimits(properties.maxBodySize(), handlerMapping);
    var registration = new FilterRegistrationBean<>(new ApiRequestSizeFilter(limits, problems));
    registration.addUrlPatterns(API_URL_PATTERN);
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  @Bean
  IdempotencyStore apiIdempotencyStore(ApiProperties properties, JdbcClient jdbc, Clock clock) {
    return new IdempotencyStore(jdbc, clock, properties.idempotencyKeyLifetime());
  }

  /**
   * Deletes expired Idempotency-Keys hourly, on the database-backed scheduler (one node runs it).
   * Claiming a key reuses an expired row of that key itself, so between runs expired rows only take
   * space.
   */
  @Bean
  RecurringTask<Void> purgeExpiredIdempotencyKeysTask(IdempotencyStore store) {
    return Tasks.recurring("api-idempotency-purge", FixedDelay.of(Duration.ofHours(1)))
        .execute((instance, context) -> store.purgeExpired());
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> apiIdempotencyFilter(
      IdempotencyStore store, ProblemWriter problems) {
    var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
    registration.addUrlPatterns(API_URL_PATTERN);
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  @Bean
  WebMvcConfigurer apiNoHandlerProblems(ApiExceptionHandler handler, ProblemWriter problems) {
    return new WebMvcConfigurer() {
      @Override
      public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        // First, ahead of the resolver that would send the container's error page instead.
        resolvers.add(0, new ApiNoHandlerExceptionResolver(handler, problems));
      }
    };
  }
}
