package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives pages their layout's model through the {@link PageModelContributor}s, after the handler and
 * before the view renders. Not {@code @ModelAttribute} methods in a controller advice: those run
 * for every handler, REST ones included, and building their model, even to find it unneeded, was a
 * measurable part of every API request.
 */
@Configuration(proxyBeanMethods = false)
class PageModelInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final List<PageModelContributor> contributors;

  PageModelInterceptor(List<PageModelContributor> contributors) {
    this.contributors = List.copyOf(contributors);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    for (PageModelContributor contributor : contributors) {
      contributor.prepare(request);
    }
    return true;
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
    if (page == null || page.wasCleared() || isRedirect(page)) {
      return;
    }
    for (PageModelContributor contributor : contributors) {
      contributor.contribute(request, page);
    }
  }

  private static boolean isRedirect(ModelAndView page) {
    String name = page.getViewName();
    return page.getView() instanceof RedirectView
        || (name != null && (name.startsWith("redirect:") || name.startsWith("forward:")));
  }
}
