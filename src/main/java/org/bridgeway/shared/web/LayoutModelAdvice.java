package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the model attributes {@code navigation} (the {@link NavigationItem}s the current
 * user may see) and {@code currentUser} (a {@link CurrentUser}, null before sign-in).
 */
@ControllerAdvice
class LayoutModelAdvice {

  private final LayoutModel layout;

  LayoutModelAdvice(LayoutModel layout) {
    this.layout = layout;
  }

  // Model attributes are built for every handler, REST ones too; an API response has no layout, so
  // its requests skip the work (working out the navigation was a measurable part of a search).
  @ModelAttribute("navigation")
  List<NavigationItem> navigation(HttpServletRequest request) {
    return isApi(request) ? List.of() : layout.navigation();
  }

  @ModelAttribute("currentUser")
  CurrentUser currentUser(HttpServletRequest request) {
    CurrentUser user = isApi(request) ? null : layout.currentUser();
    if (user != null) {
      // The layout's sign-out form carries the CSRF token, which the session stores. Loading it
      // now, before anything is written, keeps a long page (a wide navigation, a long list) from
      // needing a new session after its first bytes have gone out, which cannot be done.
      CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (csrf != null) {
        csrf.getToken();
      }
    }
    return user;
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}
