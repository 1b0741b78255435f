package org.bridgeway.directory.listing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.directory.ServicePrograms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a service's program from the service's HSDS record and the program's. */
@Component
class ServiceProgramLookup implements ServicePrograms {

  private final JdbcClient jdbc;

  ServiceProgramLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<ServiceId, ServiceProgram> programsOf(Collection<ServiceId> services) {
    Map<ServiceId, ServiceProgram> found = new HashMap<>();
    if (services.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            SELECT s.id, p.id AS program, COALESCE(p.document ->> 'name', s.document ->> 'name')
              FROM directory_record s
              LEFT JOIN directory_record p
                ON p.resource_type = 'program'
               AND p.id = CAST(NULLIF(s.document ->> 'program_id', '') AS uuid)
             WHERE s.resource_type = 'service' AND s.id = ANY(:ids)
            """)
        .param("ids", services.stream().map(ServiceId::value).distinct().toArray(UUID[]::new))
        .query(
            (rs, n) ->
                new ServiceProgram(
                    new ServiceId(rs.getObject(1, UUID.class)),
                    rs.getObject(2, UUID.class),
                    rs.getString(3)))
        .list()
        .forEach(one -> found.put(one.service(), one));
    return found;
  }
}
