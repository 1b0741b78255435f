package org.bridgeway.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.security.Actors;
import org.bridgeway.shared.web.PageModelContributor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Gives every page what it needs to know about who is signed in, without a template library. */
@Component
class PrincipalPageModel implements PageModelContributor {

  @Override
  public void contribute(HttpServletRequest request, ModelAndView page) {
    boolean networkAdmin =
        Actors.current()
            .filter(BridgewayPrincipal.class::isInstance)
            .map(BridgewayPrincipal.class::cast)
            .map(principal -> principal.has(Role.NETWORK_ADMIN))
            .orElse(false);
    page.addObject("isNetworkAdmin", networkAdmin);
  }
}
