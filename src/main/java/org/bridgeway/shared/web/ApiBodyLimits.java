package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The body limit of each API request: the configured default, or the largest {@link ApiBodyLimit}
 * of the handler mappings the request matches. The limit has to be known in a filter, before the
 * handler is chosen, because the idempotency filter reads the body ahead of the handler.
 */
class ApiBodyLimits {

  private final long defaultLimit;
  private final Supplier<List<DeclaredLimit>> declared;

  ApiBodyLimits(DataSize defaultLimit, ObjectProvider<RequestMappingHandlerMapping> mapping) {
    this.defaultLimit = defaultLimit.toBytes();
    // Read on first use: the handler mapping is complete only once the context has started.
    this.declared = SingletonSupplier.of(() -> declaredLimits(mapping.getObject()));
  }

  long limitFor(HttpServletRequest request) {
    List<DeclaredLimit> limits = declared.get();
    if (limits.isEmpty()) {
      return defaultLimit;
    }
    PathContainer path =
        RequestPath.parse(request.getRequestURI(), request.getContextPath())
            .pathWithinApplication();
    RequestMethod method = RequestMethod.resolve(request.getMethod());
    long limit = defaultLimit;
    for (DeclaredLimit candidate : limits) {
      if (candidate.matches(method, path)) {
        limit = Math.max(limit, candidate.bytes());
      }
    }
    return limit;
  }

  private static List<DeclaredLimit> declaredLimits(RequestMappingHandlerMapping mapping) {
    List<DeclaredLimit> limits = new ArrayList<>();
    mapping
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              ApiBodyLimit limit =
                  AnnotatedElementUtils.findMergedAnnotation(
                      handler.getMethod(), ApiBodyLimit.class);
              if (limit == null) {
                limit =
                    AnnotatedElementUtils.findMergedAnnotation(
                        handler.getBeanType(), ApiBodyLimit.class);
              }
              if (limit != null && info.getPathPatternsCondition() != null) {
                limits.add(DeclaredLimit.of(info, DataSize.parse(limit.value()).toBytes()));
              }
            });
    return List.copyOf(limits);
  }

  private record DeclaredLimit(Set<RequestMethod> methods, Set<PathPattern> patterns, long bytes) {

    static DeclaredLimit of(RequestMappingInfo info, long bytes) {
      return new DeclaredLimit(
          info.getMethodsCondition().getMethods(),
          info.getPathPatternsCondition().getPatterns(),
          bytes);
    }

    boolean matches(RequestMethod method, PathContainer path) {
      return (methods.isEmpty() || methods.contains(method))
          && patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }
  }
}
