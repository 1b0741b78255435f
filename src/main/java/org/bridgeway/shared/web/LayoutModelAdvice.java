package org.bridgeway.shared.web;

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

  @ModelAttribute("navigation")
  List<NavigationItem> navigation() {
    return layout.navigation();
  }

  @ModelAttribute("currentUser")
  CurrentUser currentUser() {
    return layout.currentUser();
  }
}
