package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The layout's model goes to pages about to render, and to nothing else. */
class PageModelInterceptorTest {

  private final List<ModelAndView> contributedTo = new ArrayList<>();
  private final PageModelInterceptor interceptor =
      new PageModelInterceptor(
          List.of(
              (request, page) -> {
                contributedTo.add(page);
                page.addObject("navigation", List.of("Caseload"));
              }));

  @Test
  void aPageGetsTheLayoutsModel() {
    ModelAndView page = new ModelAndView("supervision/caseload");

    post(page);

    assertThat(contributedTo).containsExactly(page);
    assertThat(page.getModel()).containsEntry("navigation", List.of("Caseload"));
  }

  @Test
  void anApiResponseADownloadAndARedirectGetNothing() {
    ModelAndView redirect = new ModelAndView("redirect:/referrals/1");
    ModelAndView redirectView = new ModelAndView(new RedirectView("/referrals/1"));
    ModelAndView forward = new ModelAndView("forward:/error");

    post(null);
    post(redirect);
    post(redirectView);
    post(forward);

    assertThat(contributedTo).isEmpty();
    assertThat(redirect.getModel()).doesNotContainKey("navigation");
  }

  private void post(ModelAndView page) {
    interceptor.postHandle(
        new MockHttpServletRequest("GET", "/x"), new MockHttpServletResponse(), new Object(), page);
  }
}
