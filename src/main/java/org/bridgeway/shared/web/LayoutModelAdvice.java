package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
    return isApi(request) ? null : layout.currentUser();
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}
