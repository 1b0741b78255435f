package org.bridgeway.care.episode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bridgeway.care.CareHistory;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.supervision.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CareHistory} from the episodes, appointments, attendance, discharges and transitions. */
@Component
class CareHistoryLookup implements CareHistory {

  private final JdbcClient jdbc;
  private final Clock clock;

  CareHistoryLookup(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<EpisodeCourse> episodes(OrganizationId agency, Collection<PersonId> people) {
    return jdbc.sql(
            """
            SELECT e.id, e.referral_id, e.person_id, e.provider_id, e.directory_service_id,
                   e.started_on, d.id AS discharge, d.discharged_on, d.reason,
                   (SELECT count(*) FROM care_discharge_goal g
                     WHERE g.discharge_id = d.id AND g.outcome IN ('ACHIEVED', 'PARTLY')) AS met,
                   s.scheduled, s.attended, s.first_attended
              FROM care_episode e
              LEFT JOIN care_discharge d ON d.episode_id = e.id
              LEFT JOIN LATERAL (
                   SELECT count(*) FILTER (WHERE a.status <> 'CANCELLED') AS scheduled,
                          count(*) FILTER (WHERE a.status <> 'CANCELLED'
                                             AND t.outcome IN ('ATTENDED', 'LATE')) AS attended,
                          min((a.starts_at AT TIME ZONE :zone)::date)
                              FILTER (WHERE a.status <> 'CANCELLED'
                                        AND t.outcome IN ('ATTENDED', 'LATE')) AS first_attended
                     FROM care_appointment a
                     LEFT JOIN care_attendance t ON t.appointment_id = a.id
                    WHERE a.episode_id = e.id) s ON TRUE
             WHERE e.agency_id = :agency AND (:all OR e.person_id = ANY(:people))
             ORDER BY e.id
            """)
        .param("zone", clock.getZone().getId())
        .param("agency", agency.value())
        .param("all", people.isEmpty())
        .param("people", ids(people))
        .query(
            (rs, n) -> {
              UUID referral = rs.getObject("referral_id", UUID.class);
              return new EpisodeCourse(
                  new TreatmentEpisodeId(rs.getObject("id", UUID.class)),
                  referral == null ? null : new ReferralId(referral),
                  new PersonId(rs.getObject("person_id", UUID.class)),
                  agency,
                  new OrganizationId(rs.getObject("provider_id", UUID.class)),
                  rs.getObject("directory_service_id", UUID.class),
                  rs.getObject("started_on", LocalDate.class),
                  rs.getInt("scheduled"),
                  rs.getInt("attended"),
                  rs.getObject("first_attended", LocalDate.class),
                  rs.getObject("discharge", UUID.class),
                  rs.getObject("discharged_on", LocalDate.class),
                  rs.getString("reason"),
                  rs.getInt("met"));
            })
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Release> releases(OrganizationId agency, Collection<PersonId> people) {
    return jdbc.sql(
            """
            SELECT id, person_id, released_on FROM care_transition
             WHERE agency_id = :agency AND kind = 'RELEASE'
               AND (:all OR person_id = ANY(:people))
             ORDER BY id
            """)
        .param("agency", agency.value())
        .param("all", people.isEmpty())
        .param("people", ids(people))
        .query(
            (rs, n) ->
                new Release(
                    rs.getObject("id", UUID.class),
                    new PersonId(rs.getObject("person_id", UUID.class)),
                    agency,
                    rs.getObject("released_on", LocalDate.class)))
        .list();
  }

  private static UUID[] ids(Collection<PersonId> people) {
    return people.stream().map(PersonId::value).distinct().toArray(UUID[]::new);
  }
}
