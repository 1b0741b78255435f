package org.bridgeway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Map;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler method of Bridgeway carries an explicit authorization rule, on the method or its
 * class, so that no endpoint is protected only by a URL pattern somewhere else (or not at all).
 */
@IntegrationTest
@AutoConfigureMockMvc
class HandlerAuthorizationRulesTests {

  private static final List<Class<? extends Annotation>> RULES =
      List.of(
          PreAuthorize.class,
          PostAuthorize.class,
          Secured.class,
          RolesAllowed.class,
          PermitAll.class,
          DenyAll.class);

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Test
  void everyHandlerMethodHasAnAuthorizationRule() {
    Map<RequestMappingInfo, HandlerMethod> handlers = handlerMapping.getHandlerMethods();
    List<String> ownHandlers =
        handlers.values().stream()
            .filter(handler -> handler.getBeanType().getName().startsWith("org.bridgeway."))
            .map(HandlerAuthorizationRulesTests::describe)
            .toList();
    assertThat(ownHandlers).as("Bridgeway handler methods found").isNotEmpty();

    List<String> unprotected =
        handlers.entrySet().stream()
            .filter(entry -> entry.getValue().getBeanType().getName().startsWith("org.bridgeway."))
            .filter(entry -> !hasRule(entry.getValue()))
            .map(entry -> describe(entry.getValue()) + " " + entry.getKey())
            .sorted()
            .toList();

    assertThat(unprotected)
        .as(
            "Handler methods without @PreAuthorize (or @PostAuthorize, @Secured, @RolesAllowed,"
                + " @PermitAll, @DenyAll) on the method or its class")
        .isEmpty();
  }

  private static boolean hasRule(HandlerMethod handler) {
    return hasRule(handler.getMethod()) || hasRule(handler.getBeanType());
  }

  private static boolean hasRule(AnnotatedElement element) {
    return RULES.stream().anyMatch(rule -> AnnotatedElementUtils.hasAnnotation(element, rule));
  }

  private static String describe(HandlerMethod handler) {
    return handler.getBeanType().getName() + "#" + handler.getMethod().getName();
  }
}
