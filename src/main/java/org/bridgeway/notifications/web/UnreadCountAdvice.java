package org.bridgeway.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.shared.security.Actors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page shown to a signed-in user the model attribute {@code unreadNotifications}, the
 * count the layout's header shows: one count over a partial index. API requests and form posts
 * (which redirect) skip it; so does anyone without a user (null: the header shows no link).
 */
@ControllerAdvice
class UnreadCountAdvice {

  private final Inbox inbox;

  UnreadCountAdvice(Inbox inbox) {
    this.inbox = inbox;
  }

  @ModelAttribute("unreadNotifications")
  Long unreadNotifications(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null;
    }
    return Actors.current()
        .filter(BridgewayPrincipal.class::isInstance)
        .map(BridgewayPrincipal.class::cast)
        .filter(principal -> principal.user() != null)
        .map(principal -> inbox.unreadCount(principal.user()))
        .orElse(null);
  }
}
