package org.bridgeway.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that has been idle too long or has reached its maximum age, and sends
 * the user to sign in again. Enforced here, with the application clock, rather than only through
 * the session store's expiry, so the rule is exact and testable.
 */
@Component
public class SessionPolicyFilter extends OncePerRequestFilter {

  /** Activity is written at most this often, so that every request does not rewrite the session. */
  private static final Duration ACTIVITY_RESOLUTION = Duration.ofSeconds(30);

  private final SessionPolicyProperties policy;
  private final AuditTrail audit;
  private final Clock clock;

  SessionPolicyFilter(SessionPolicyProperties policy, AuditTrail audit, Clock clock) {
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (session == null
        || authentication == null
        || !(authentication.getPrincipal() instanceof BridgewayPrincipal principal)) {
      chain.doFilter(request, response);
      return;
    }
    Instant now = clock.instant();
    Instant authenticatedAt = SignedInSession.authenticatedAt(session);
    Instant lastActivity = SignedInSession.lastActivityAt(session);
    String ended = null;
    if (authenticatedAt == null || lastActivity == null) {
      ended = "reauthenticate";
    } else if (now.isAfter(lastActivity.plus(policy.idleTimeout()))) {
      ended = "idle";
    } else if (now.isAfter(authenticatedAt.plus(policy.maximumAge()))) {
      ended = "reauthenticate";
    }
    if (ended != null) {
      audit.record(
          AuditEvent.success("identity.session.end")
              .withActor(principal)
              .withRecord("user", principal.userId())
              .withDetail("reason", ended));
      session.invalidate();
      SecurityContextHolder.clearContext();
      String target = request.getContextPath() + "/login?" + ended;
      if ("true".equals(request.getHeader("HX-Request"))) {
        response.setHeader("HX-Redirect", target);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      } else {
        response.sendRedirect(target);
      }
      return;
    }
    if (now.isAfter(lastActivity.plus(ACTIVITY_RESOLUTION))) {
      session.setAttribute(SignedInSession.LAST_ACTIVITY_AT, now);
    }
    chain.doFilter(request, response);
  }
}
