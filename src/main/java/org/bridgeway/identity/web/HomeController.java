package org.bridgeway.identity.web;

import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.admin.Administration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's start page. Later modules add their own panels to it. */
@Controller
class HomeController {

  private final Administration administration;

  HomeController(Administration administration) {
    this.administration = administration;
  }

  @GetMapping("/")
  @PreAuthorize("isAuthenticated()")
  String home(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("principal", principal);
    model.addAttribute(
        "organization", administration.organization(principal, principal.organization()));
    return "identity/home";
  }
}
