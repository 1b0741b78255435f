package org.bridgeway.referrals.lifecycle;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.SentReferrals;
import org.bridgeway.supervision.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SentReferrals} from the referral table: a referral counts as sent once it has a send time.
 */
@Service
class SentReferralLookup implements SentReferrals {

  private final JdbcClient jdbc;

  SentReferralLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SentReferral> sentReferral(ReferralId referral) {
    return Optional.ofNullable(sentReferrals(List.of(referral)).get(referral));
  }

  @Override
  @Transactional(readOnly = true)
  public Map<ReferralId, SentReferral> sentReferrals(Collection<ReferralId> referrals) {
    Map<ReferralId, SentReferral> found = new HashMap<>();
    if (referrals.isEmpty()) {
      return found;
    }
    List<SentReferral> rows =
        jdbc.sql(
                """
            SELECT id, person_id, provider_organization_id, sent_at, state FROM referral
            WHERE id = ANY(:ids) AND sent_at IS NOT NULL
            """)
            .param("ids", referrals.stream().map(ReferralId::value).toArray(UUID[]::new))
            .query(
                (rs, n) -> {
                  UUID provider = rs.getObject("provider_organization_id", UUID.class);
                  Timestamp sent = rs.getTimestamp("sent_at");
                  return new SentReferral(
                      new ReferralId(rs.getObject("id", UUID.class)),
                      new PersonId(rs.getObject("person_id", UUID.class)),
                      provider == null ? null : new OrganizationId(provider),
                      sent.toInstant(),
                      ReferralState.valueOf(rs.getString("state")));
                })
            .list();
    rows.forEach(one -> found.put(one.id(), one));
    return found;
  }
}
