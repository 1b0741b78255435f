package org.bridgeway.outcomes.measure.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.outcomes.measure.MeasureFilter.GroupBy;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names the groups of a breakdown for people: programs by their name, providers by organization,
 * officers and teams by the staff member (a team by its supervisor), vocabulary values by their
 * label; a value without a name shows as itself.
 */
@Component
class GroupLabels {

  private final MessageSource messages;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;
  private final JdbcClient jdbc;

  GroupLabels(
      MessageSource messages,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      JdbcClient jdbc) {
    this.messages = messages;
    this.organizations = organizations;
    this.staff = staff;
    this.jdbc = jdbc;
  }

  Map<String, String> of(GroupBy groupBy, Collection<String> keys, Locale locale) {
    Map<String, String> labels = new HashMap<>();
    for (String key : keys) {
      labels.put(key, vocabulary(groupBy, key, locale));
    }
    switch (groupBy) {
      case PROGRAM -> labels.putAll(programNames(keys));
      case PROVIDER -> {
        List<OrganizationId> ids = uuids(keys).stream().map(OrganizationId::new).toList();
        organizations
            .findAll(ids)
            .forEach((id, org) -> labels.put(id.value().toString(), org.name()));
      }
      case OFFICER, TEAM -> {
        for (UUID id : uuids(keys)) {
          staff
              .find(new UserId(id))
              .map(StaffMember::displayName)
              .ifPresent(name -> labels.put(id.toString(), name));
        }
      }
      default -> {}
    }
    return labels;
  }

  private String vocabulary(GroupBy groupBy, String key, Locale locale) {
    String own = "outcomeMeasures.value." + key;
    String shared =
        switch (groupBy) {
          case RACE -> "race." + key;
          case ETHNICITY -> "ethnicity." + key;
          case GENDER -> "gender." + key;
          case RISK_LEVEL -> "riskLevel." + key;
          default -> own;
        };
    String found = messages.getMessage(shared, null, null, locale);
    return found != null ? found : messages.getMessage(own, null, key, locale);
  }

  private Map<String, String> programNames(Collection<String> keys) {
    Map<String, String> names = new HashMap<>();
    if (keys.isEmpty()) {
      return names;
    }
    jdbc.sql(
            """
            SELECT DISTINCT ON (program_id) program_id, program_name
              FROM outcomes_participation WHERE program_id IN (:ids)
             ORDER BY program_id, updated_at DESC
            """)
        .param("ids", List.copyOf(keys))
        .query(
            rs -> {
              names.put(rs.getString(1), rs.getString(2));
            });
    return names;
  }

  private static List<UUID> uuids(Collection<String> keys) {
    return keys.stream()
        .filter(k -> k.length() == 36)
        .map(
            k -> {
              try {
                return UUID.fromString(k);
              } catch (IllegalArgumentException e) {
                return null;
              }
            })
        .filter(java.util.Objects::nonNull)
        .toList();
  }
}
