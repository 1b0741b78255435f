package org.bridgeway.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Records sign-outs in the audit trail before the session is invalidated. */
@Component
public class SignOutAuditHandler implements LogoutHandler {

  private final AuditTrail audit;

  SignOutAuditHandler(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void logout(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication != null
        && authentication.getPrincipal() instanceof BridgewayPrincipal principal) {
      audit.record(
          AuditEvent.success("identity.sign-out")
              .withActor(principal)
              .withRecord("user", principal.userId()));
    }
  }
}
