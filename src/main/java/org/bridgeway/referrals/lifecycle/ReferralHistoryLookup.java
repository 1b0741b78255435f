package org.bridgeway.referrals.lifecycle;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralHistory;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.supervision.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ReferralHistory} from the referral and its timeline (not from the measures table, which is
 * kept from the events after commit and may lag the change a listener was told about).
 */
@Service
class ReferralHistoryLookup implements ReferralHistory {

  private final JdbcClient jdbc;
  private final Clock clock;

  ReferralHistoryLookup(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReferralCourse> sentBy(OrganizationId agency) {
    return read(agency, true, new UUID[0]);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReferralCourse> sentBy(OrganizationId agency, Collection<PersonId> people) {
    return read(
        agency, false, people.stream().map(PersonId::value).distinct().toArray(UUID[]::new));
  }

  private List<ReferralCourse> read(OrganizationId agency, boolean all, UUID[] people) {
    return jdbc.sql(
            """
            SELECT r.id, r.person_id, r.service_id, r.provider_organization_id, r.need_domain,
                   r.state, COALESCE(r.service_name, r.off_platform_provider) AS service_name,
                   (r.sent_at AT TIME ZONE :zone)::date AS sent_on,
                   (SELECT min(t.at) FROM referral_timeline_entry t
                     WHERE t.referral_id = r.id AND t.kind = 'ACCEPTED') AS accepted_at,
                   (SELECT min(t.at) FROM referral_timeline_entry t
                     WHERE t.referral_id = r.id AND t.kind = 'DECLINED') AS declined_at
              FROM referral r
             WHERE r.referring_organization_id = :agency AND r.sent_at IS NOT NULL
               AND (:all OR r.person_id = ANY(:people))
             ORDER BY r.id
            """)
        .param("zone", clock.getZone().getId())
        .param("agency", agency.value())
        .param("all", all)
        .param("people", people)
        .query(
            (rs, n) -> {
              UUID provider = rs.getObject("provider_organization_id", UUID.class);
              java.sql.Timestamp accepted = rs.getTimestamp("accepted_at");
              java.sql.Timestamp declined = rs.getTimestamp("declined_at");
              return new ReferralCourse(
                  new ReferralId(rs.getObject("id", UUID.class)),
                  new PersonId(rs.getObject("person_id", UUID.class)),
                  agency,
                  rs.getObject("sent_on", java.time.LocalDate.class),
                  accepted == null
                      ? null
                      : accepted.toInstant().atZone(clock.getZone()).toLocalDate(),
                  declined == null
                      ? null
                      : declined.toInstant().atZone(clock.getZone()).toLocalDate(),
                  rs.getObject("service_id", UUID.class),
                  rs.getString("service_name"),
                  provider == null ? null : new OrganizationId(provider),
                  rs.getString("need_domain"),
                  ReferralState.valueOf(rs.getString("state")));
            })
        .list();
  }
}
