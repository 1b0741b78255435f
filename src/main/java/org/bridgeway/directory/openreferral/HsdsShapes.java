package org.bridgeway.directory.openreferral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The list shapes of the HSDS API reference ({@code service_list}, {@code
 * service_at_location_list}, {@code organization_list}): an object's own one-to-one fields, with
 * the single objects the reference nests (a service's organization and program, a service at
 * location's location and service) in place of their pointers, as the official list examples show
 * them.
 */
final class HsdsShapes {

  private static final JsonMapper JSON = JsonMapper.shared();

  private HsdsShapes() {}

  /** {@code minimal=true}: just the id and when the service last changed. */
  static ObjectNode minimalService(UUID id, Instant lastModified) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id.toString());
    if (lastModified != null) {
      node.put("last_modified", lastModified.toString());
    }
    return node;
  }

  /** A {@code service_list} item: the service with its organization and program nested. */
  static ObjectNode serviceListItem(
      HsdsRecord service, Map<UUID, HsdsRecord> related, Instant lastModified) {
    ObjectNode node = withLastModified(service.document().deepCopy(), lastModified);
    Optional<HsdsRecord> organization =
        related(service, "organization_id", HsdsType.ORGANIZATION, related);
    Optional<HsdsRecord> program = related(service, "program_id", HsdsType.PROGRAM, related);
    organization.ifPresent(
        o -> {
          node.remove("organization_id");
          node.set("organization", o.document().deepCopy());
        });
    program.ifPresent(
        p -> {
          node.remove("program_id");
          ObjectNode nested = p.document().deepCopy();
          nested.remove("organization_id");
          node.set("program", nested);
        });
    return node;
  }

  /** A service inside its organization: its own fields, the organization implied. */
  static ObjectNode basicService(HsdsRecord service, Instant lastModified) {
    ObjectNode node = withLastModified(service.document().deepCopy(), lastModified);
    node.remove("organization_id");
    return node;
  }

  /** A {@code service_at_location_list} item: with its location and its service (list shape). */
  static ObjectNode serviceAtLocationListItem(
      HsdsRecord serviceAtLocation, Map<UUID, HsdsRecord> related, Map<UUID, Instant> modified) {
    ObjectNode node = serviceAtLocation.document().deepCopy();
    Optional<HsdsRecord> location =
        related(serviceAtLocation, "location_id", HsdsType.LOCATION, related);
    Optional<HsdsRecord> service =
        related(serviceAtLocation, "service_id", HsdsType.SERVICE, related);
    location.ifPresent(
        l -> {
          node.remove("location_id");
          ObjectNode nested = l.document().deepCopy();
          // nested under its organization in HSDS, so the list example leaves the pointer out
          nested.remove("organization_id");
          node.set("location", nested);
        });
    service.ifPresent(
        s -> {
          node.remove("service_id");
          node.set("service", serviceListItem(s, related, modified.get(s.id())));
        });
    return node;
  }

  /**
   * A service object with its {@code last_modified} replaced by when Bridgeway's copy of it last
   * changed, kept in place when the field exists, else placed before the first nested field.
   */
  static ObjectNode withLastModified(ObjectNode service, Instant lastModified) {
    if (lastModified == null) {
      return service;
    }
    if (service.has("last_modified")) {
      service.put("last_modified", lastModified.toString());
      return service;
    }
    ObjectNode placed = JSON.createObjectNode();
    boolean done = false;
    for (Map.Entry<String, JsonNode> field : service.properties()) {
      if (!done && field.getValue().isContainer()) {
        placed.put("last_modified", lastModified.toString());
        done = true;
      }
      placed.set(field.getKey(), field.getValue());
    }
    if (!done) {
      placed.put("last_modified", lastModified.toString());
    }
    return placed;
  }

  /** Replaces {@code last_modified} in a nested service object, in place. */
  static void stampService(JsonNode service, Map<UUID, Instant> modified) {
    if (service instanceof ObjectNode object && object.hasNonNull("id")) {
      HsdsRecord.parseUuid(object.get("id").asString())
          .map(modified::get)
          .ifPresent(at -> object.put("last_modified", at.toString()));
    }
  }

  private static Optional<HsdsRecord> related(
      HsdsRecord record, String field, HsdsType type, Map<UUID, HsdsRecord> related) {
    return record.reference(field).map(related::get).filter(r -> r.type() == type);
  }

  /** The ids the given records hold in the given pointer fields. */
  static Set<UUID> references(Collection<HsdsRecord> records, String... fields) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (HsdsRecord record : records) {
      for (String field : fields) {
        record.reference(field).ifPresent(ids::add);
      }
    }
    return ids;
  }

  static Map<UUID, HsdsRecord> byId(Collection<HsdsRecord> records) {
    Map<UUID, HsdsRecord> map = new HashMap<>();
    records.forEach(r -> map.put(r.id(), r));
    return map;
  }

  /** The records of a type in the order of the ids, leaving out ids without such a record. */
  static List<HsdsRecord> ordered(List<UUID> ids, Collection<HsdsRecord> records, HsdsType type) {
    Map<UUID, HsdsRecord> found = byId(records);
    List<HsdsRecord> ordered = new ArrayList<>();
    for (UUID id : ids) {
      HsdsRecord record = found.get(id);
      if (record != null && record.type() == type) {
        ordered.add(record);
      }
    }
    return ordered;
  }

  /** Two record sources read as one: the stored graph and Bridgeway's generated records. */
  static HsdsGraph.RecordSource both(HsdsGraph.RecordSource first, HsdsGraph.RecordSource second) {
    return new HsdsGraph.RecordSource() {
      @Override
      public Optional<HsdsRecord> find(UUID id) {
        return first.find(id).or(() -> second.find(id));
      }

      @Override
      public List<HsdsRecord> pointingTo(HsdsType type, String field, UUID id) {
        List<HsdsRecord> firsts = first.pointingTo(type, field, id);
        List<HsdsRecord> seconds = second.pointingTo(type, field, id);
        if (seconds.isEmpty()) {
          return firsts;
        }
        List<HsdsRecord> all = new ArrayList<>(firsts);
        all.addAll(seconds);
        return all;
      }
    };
  }
}
