package org.bridgeway.identity.web;

import org.bridgeway.identity.BridgewayPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in user's start page. Later modules add their own panels to it. Everything it shows so
 * far travels with the principal, so it reads nothing from the database.
 */
@Controller
class HomeController {

  @GetMapping("/")
  @PreAuthorize("isAuthenticated()")
  String home(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("principal", principal);
    return "identity/home";
  }
}
