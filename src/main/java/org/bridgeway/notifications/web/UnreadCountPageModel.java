package org.bridgeway.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.shared.security.Actors;
import org.bridgeway.shared.web.PageModelContributor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page shown to a signed-in user the model attribute {@code unreadNotifications}, the
 * count the layout's header shows: one count over a partial index. A form post's page (shown again
 * with its errors) skips it; so does anyone without a user (null: the header shows no link).
 */
@Component
class UnreadCountPageModel implements PageModelContributor {

  private final Inbox inbox;

  UnreadCountPageModel(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public void contribute(HttpServletRequest request, ModelAndView page) {
    if (!"GET".equals(request.getMethod())) {
      return;
    }
    Actors.current()
        .filter(BridgewayPrincipal.class::isInstance)
        .map(BridgewayPrincipal.class::cast)
        .filter(principal -> principal.user() != null)
        .ifPresent(
            principal ->
                page.addObject("unreadNotifications", inbox.unreadCount(principal.user())));
  }
}
