package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page the model attributes {@code navigation} (the {@link NavigationItem}s the current
 * user may see) and {@code currentUser} (a {@link CurrentUser}, null before sign-in).
 */
@Component
class LayoutPageModel implements PageModelContributor {

  private final LayoutModel layout;

  LayoutPageModel(LayoutModel layout) {
    this.layout = layout;
  }

  /**
   * The layout's sign-out form carries the CSRF token, which the session stores. Loading it before
   * the handler, before anything is written, keeps a long page (a wide navigation, a long list) or
   * the error page of a failed handler from needing a new session after its first bytes have gone
   * out, which cannot be done. Only for a signed-in user: an anonymous visitor gets no session. API
   * requests have no CSRF token and skip it.
   */
  @Override
  public void prepare(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    if (csrf != null && layout.currentUser() != null) {
      csrf.getToken();
    }
  }

  @Override
  public void contribute(HttpServletRequest request, ModelAndView page) {
    page.addObject("navigation", layout.navigation());
    page.addObject("currentUser", layout.currentUser());
  }
}
