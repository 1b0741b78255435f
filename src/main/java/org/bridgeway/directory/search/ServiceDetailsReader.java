package org.bridgeway.directory.search;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads what the public service page shows, from the HSDS records, profile and capacity. */
@Component
public class ServiceDetailsReader {

  private static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

  private final HsdsRecords records;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final Clock clock;

  ServiceDetailsReader(
      HsdsRecords records, ServiceProfiles profiles, Capacities capacities, Clock clock) {
    this.records = records;
    this.profiles = profiles;
    this.capacities = capacities;
    this.clock = clock;
  }

  /** The details of an active service; empty for any other id, service or not. */
  @Transactional(readOnly = true)
  public Optional<ServiceDetails> find(UUID serviceId) {
    Optional<HsdsRecord> found =
        records
            .find(serviceId)
            .filter(r -> r.type() == HsdsType.SERVICE)
            .filter(r -> r.text("status").filter("active"::equals).isPresent());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    HsdsRecord service = found.get();
    ObjectNode nested =
        HsdsGraph.assemble(
            service,
            records.graphOf(List.of(service), HsdsGraph.Shape.NESTED),
            HsdsGraph.Shape.NESTED);
    ServiceProfile profile = profiles.find(serviceId).orElse(null);
    Capacity capacity = capacities.find(serviceId).orElse(null);

    List<ServiceDetails.Place> places = new ArrayList<>();
    for (JsonNode at : array(nested, "service_at_locations")) {
      JsonNode location = at.get("location");
      if (location == null || !location.isObject()) {
        continue;
      }
      List<ServiceDetails.Schedule> schedules = new ArrayList<>(schedules(at));
      if (schedules.isEmpty()) {
        schedules.addAll(schedules(location));
      }
      List<ServiceDetails.Phone> phones = new ArrayList<>(phones(at));
      phones.addAll(phones(location));
      places.add(
          new ServiceDetails.Place(
              text(location, "name"),
              text(location, "description"),
              addressLines(location),
              text(location, "transportation"),
              number(location, "latitude"),
              number(location, "longitude"),
              phones,
              schedules));
    }
    Set<String> languages = new LinkedHashSet<>();
    if (profile != null) {
      languages.addAll(profile.languages().stream().sorted().toList());
    }
    for (JsonNode language : array(nested, "languages")) {
      String code = text(language, "code");
      if (code != null) {
        String primary = code.strip().split("-")[0].toLowerCase(Locale.ROOT);
        if (primary.matches("[a-z]{2,3}")) {
          languages.add(primary);
        }
      }
    }
    JsonNode organization = nested.get("organization");
    Integer hsdsMinimum = integer(nested, "minimum_age");
    Integer hsdsMaximum = integer(nested, "maximum_age");
    return Optional.of(
        new ServiceDetails(
            serviceId,
            text(nested, "name"),
            text(nested, "alternate_name"),
            text(nested, "description"),
            text(nested, "url"),
            text(nested, "email"),
            organization == null ? null : text(organization, "name"),
            organization == null ? null : text(organization, "website"),
            text(nested, "application_process"),
            text(nested, "fees_description"),
            text(nested, "eligibility_description"),
            text(nested, "interpretation_services"),
            text(nested, "wait_time"),
            places,
            phones(nested),
            schedules(nested),
            List.copyOf(languages),
            profile != null && profile.minimumAge() != null ? profile.minimumAge() : hsdsMinimum,
            profile != null && profile.maximumAge() != null ? profile.maximumAge() : hsdsMaximum,
            profile,
            capacity,
            capacity != null && capacity.isStale(clock.instant())));
  }

  private static List<ServiceDetails.Schedule> schedules(JsonNode parent) {
    List<ServiceDetails.Schedule> schedules = new ArrayList<>();
    for (JsonNode schedule : array(parent, "schedules")) {
      List<DayOfWeek> days = new ArrayList<>();
      String byday = text(schedule, "byday");
      String freq = text(schedule, "freq");
      if (byday != null && (freq == null || "WEEKLY".equalsIgnoreCase(freq))) {
        for (String code : byday.split(",")) {
          String trimmed = code.strip().toUpperCase(Locale.ROOT);
          int index =
              trimmed.length() >= 2
                  ? DAY_CODES.indexOf(trimmed.substring(trimmed.length() - 2))
                  : -1;
          if (index >= 0 && !days.contains(DayOfWeek.of(index + 1))) {
            days.add(DayOfWeek.of(index + 1));
          }
        }
      }
      days.sort(null);
      schedules.add(
          new ServiceDetails.Schedule(
              days,
              time(text(schedule, "opens_at")),
              time(text(schedule, "closes_at")),
              text(schedule, "description"),
              text(schedule, "notes")));
    }
    return schedules;
  }

  private static List<ServiceDetails.Phone> phones(JsonNode parent) {
    List<ServiceDetails.Phone> phones = new ArrayList<>();
    for (JsonNode phone : array(parent, "phones")) {
      String number = text(phone, "number");
      if (number != null) {
        phones.add(
            new ServiceDetails.Phone(
                number, text(phone, "extension"), text(phone, "type"), text(phone, "description")));
      }
    }
    return phones;
  }

  private static List<String> addressLines(JsonNode location) {
    JsonNode chosen = null;
    for (JsonNode address : array(location, "addresses")) {
      if (chosen == null || "physical".equals(text(address, "address_type"))) {
        chosen = address;
      }
    }
    if (chosen == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (String field : List.of("address_1", "address_2")) {
      String line = text(chosen, field);
      if (line != null) {
        lines.add(line);
      }
    }
    String city = text(chosen, "city");
    String region = text(chosen, "state_province");
    String postal = text(chosen, "postal_code");
    String last =
        String.join(
                " ",
                List.of(
                        city == null ? "" : city + (region == null ? "" : ","),
                        region == null ? "" : region,
                        postal == null ? "" : postal)
                    .stream()
                    .filter(s -> !s.isEmpty())
                    .toList())
            .strip();
    if (!last.isEmpty()) {
      lines.add(last);
    }
    return lines;
  }

  private static Iterable<JsonNode> array(JsonNode parent, String field) {
    JsonNode value = parent.get(field);
    return value != null && value.isArray() ? value : List.of();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return null;
    }
    String text = value.isString() ? value.stringValue() : value.toString();
    return text.isBlank() ? null : text.strip();
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      return null;
    }
    double number = value.doubleValue();
    return number >= 0 && number <= 120 ? (int) number : null;
  }

  private static LocalTime time(String text) {
    if (text == null || !text.matches("\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?.*")) {
      return null;
    }
    String[] parts = text.split(":");
    int hour = Integer.parseInt(parts[0]);
    int minute = Integer.parseInt(parts[1].substring(0, 2));
    if (hour == 24 && minute == 0) {
      return LocalTime.MIDNIGHT;
    }
    return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
  }
}
