package org.bridgeway.identity.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.token.TokenHashing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Invitation links: a random token, stored as its hash, valid for seven days and used once. */
@Component
public class Invitations {

  static final Duration VALIDITY = Duration.ofDays(7);

  private final JdbcClient jdbc;

  Invitations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates an invitation and returns the token that goes into the link. */
  public String create(UserId user, java.util.UUID createdBy, Instant at) {
    String token = TokenHashing.newSecret("");
    jdbc.sql(
            "insert into identity_invitation (token_hash, user_id, created_by, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            TokenHashing.sha256(token),
            user.value(),
            createdBy,
            java.sql.Timestamp.from(at),
            java.sql.Timestamp.from(at.plus(VALIDITY)))
        .update();
    return token;
  }

  /** The invited user, if the token is known, unused and not expired. */
  public Optional<UserId> open(String token, Instant now) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select user_id from identity_invitation where token_hash = ? and accepted_at is null"
                + " and expires_at > ?")
        .params(TokenHashing.sha256(token), java.sql.Timestamp.from(now))
        .query((rs, row) -> new UserId(rs.getObject(1, java.util.UUID.class)))
        .optional();
  }

  /** Uses the invitation up; false if it was already used (a second tab, a replay). */
  public boolean accept(String token, Instant at) {
    return jdbc.sql(
                "update identity_invitation set accepted_at = ? where token_hash = ? and accepted_at is null")
            .params(java.sql.Timestamp.from(at), TokenHashing.sha256(token))
            .update()
        == 1;
  }
}
