package org.bridgeway.identity.web;

import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page what it needs to know about who is signed in, without a template library. */
@ControllerAdvice(annotations = Controller.class)
class PrincipalModelAdvice {

  @ModelAttribute("isNetworkAdmin")
  boolean isNetworkAdmin(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return principal != null && principal.has(Role.NETWORK_ADMIN);
  }
}
