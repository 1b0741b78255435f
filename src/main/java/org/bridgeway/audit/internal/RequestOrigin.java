package org.bridgeway.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the current HTTP request came from, for the audit trail.
 *
 * @param address the remote address as the server saw it
 * @param sessionRef the SHA-256 of the session id; the id itself is a credential and is never
 *     stored
 */
record RequestOrigin(String address, String sessionRef) {

  static final RequestOrigin NONE = new RequestOrigin(null, null);

  /** The origin of the request this thread serves, or {@link #NONE} outside a request. */
  static RequestOrigin current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (!(attributes instanceof ServletRequestAttributes servlet)) {
      return NONE;
    }
    HttpServletRequest request = servlet.getRequest();
    // getSession(false): auditing must not create a session for a request that had none.
    HttpSession session = request.getSession(false);
    return new RequestOrigin(
        request.getRemoteAddr(),
        session == null ? null : CanonicalEntry.sha256Hex(session.getId()));
  }
}
