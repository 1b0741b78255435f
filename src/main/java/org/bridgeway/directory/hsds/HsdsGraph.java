package org.bridgeway.directory.hsds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves HSDS objects between their nested JSON form and their flat form.
 *
 * <p>{@link #flatten} takes a nested document (a service with its phones, locations and
 * organization inside) and returns every object in it as a flat record, with the pointer each
 * nested object implied made explicit. {@link #assemble} does the reverse from a set of flat
 * records, omitting the pointers that nesting makes implicit, as the HSDS examples do.
 */
public final class HsdsGraph {

  private static final JsonNodeFactory NODES = JsonMapper.shared().getNodeFactory();

  private HsdsGraph() {}

  /**
   * Every object of a nested document, parents before children. An object that appears more than
   * once (the same organization inside each of its services) becomes one record whose fields are
   * the union of its copies. The document must have passed schema validation: objects without a
   * usable id are skipped.
   */
  public static List<HsdsRecord> flatten(HsdsType type, JsonNode document) {
    Map<UUID, HsdsRecord> records = new LinkedHashMap<>();
    flattenInto(type, document, records);
    return List.copyOf(records.values());
  }

  /** Flattens several documents of one type into one set of records. */
  public static List<HsdsRecord> flattenAll(HsdsType type, Iterable<JsonNode> documents) {
    Map<UUID, HsdsRecord> records = new LinkedHashMap<>();
    for (JsonNode document : documents) {
      flattenInto(type, document, records);
    }
    return List.copyOf(records.values());
  }

  private static Optional<UUID> flattenInto(
      HsdsType type, JsonNode node, Map<UUID, HsdsRecord> records) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    Optional<UUID> id =
        Optional.ofNullable(node.get("id"))
            .filter(JsonNode::isString)
            .flatMap(n -> HsdsRecord.parseUuid(n.stringValue()));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode own = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (value.isValueNode() && !value.isNull()) {
        own.set(field.getKey(), value);
      }
    }
    merge(records, new HsdsRecord(type, id.get(), own));

    for (HsdsType.Single single : flattenedSingles(type)) {
      flattenInto(single.type(), node.get(single.property()), records)
          .ifPresent(
              childId -> {
                if (!own.hasNonNull(single.foreignKey())) {
                  own.put(single.foreignKey(), childId.toString());
                }
              });
    }
    for (HsdsType.Children children : flattenedChildren(type)) {
      JsonNode array = node.get(children.property());
      if (array == null || !array.isArray()) {
        continue;
      }
      for (JsonNode element : array) {
        if (element.isObject() && !element.hasNonNull(children.foreignKey())) {
          ObjectNode withParent = ((ObjectNode) element).deepCopy();
          withParent.put(children.foreignKey(), id.get().toString());
          element = withParent;
        }
        flattenInto(children.type(), element, records);
      }
    }
    return id;
  }

  /** Besides what {@link #assemble} writes, list and full forms may nest the service itself. */
  private static List<HsdsType.Single> flattenedSingles(HsdsType type) {
    if (type == HsdsType.SERVICE_AT_LOCATION) {
      List<HsdsType.Single> singles = new ArrayList<>(type.singles());
      singles.add(new HsdsType.Single("service", HsdsType.SERVICE, "service_id"));
      return singles;
    }
    return type.singles();
  }

  private static List<HsdsType.Children> flattenedChildren(HsdsType type) {
    if (type == HsdsType.ORGANIZATION) {
      List<HsdsType.Children> children = new ArrayList<>(type.children());
      children.add(ORGANIZATION_SERVICES);
      return children;
    }
    return type.children();
  }

  private static final HsdsType.Children ORGANIZATION_SERVICES =
      new HsdsType.Children("services", HsdsType.SERVICE, "organization_id");

  private static final Map<HsdsType, List<String>> NESTING_POINTERS = nestingPointers();

  private static Map<HsdsType, List<String>> nestingPointers() {
    Map<HsdsType, java.util.Set<String>> pointers = new java.util.EnumMap<>(HsdsType.class);
    for (HsdsType parent : HsdsType.values()) {
      for (HsdsType.Children children : flattenedChildren(parent)) {
        pointers
            .computeIfAbsent(children.type(), t -> new java.util.TreeSet<>())
            .add(children.foreignKey());
      }
    }
    Map<HsdsType, List<String>> lists = new java.util.EnumMap<>(HsdsType.class);
    pointers.forEach((type, fields) -> lists.put(type, List.copyOf(fields)));
    return lists;
  }

  private static void merge(Map<UUID, HsdsRecord> records, HsdsRecord record) {
    HsdsRecord earlier = records.get(record.id());
    if (earlier == null) {
      records.put(record.id(), record);
      return;
    }
    ObjectNode merged = earlier.document().deepCopy();
    merged.setAll(record.document());
    records.put(record.id(), new HsdsRecord(earlier.type(), record.id(), merged));
  }

  /** How deep {@link #assemble} goes: whether an organization carries its services. */
  public enum Shape {
    /** The HSDS nested form of the object, without an organization's services. */
    NESTED,
    /** An organization with its services nested in full. */
    ORGANIZATION_WITH_SERVICES
  }

  /** The records {@link #assemble} draws from. */
  public interface RecordSource {

    Optional<HsdsRecord> find(UUID id);

    /** The records of a type whose pointer field holds the given id. */
    List<HsdsRecord> pointingTo(HsdsType type, String field, UUID id);
  }

  /** The nested HSDS document of a record, built from the records of a source. */
  public static ObjectNode assemble(HsdsRecord root, RecordSource source, Shape shape) {
    return assemble(root, source, shape, false);
  }

  /**
   * A nested object omits every pointer by which HSDS nests objects of its type (a phone shared by
   * a service, its location and a contact appears in all three without any of the three ids), as
   * the HSDS examples do; flattening restores them from wherever the object appears.
   */
  private static ObjectNode assemble(
      HsdsRecord record, RecordSource source, Shape shape, boolean nested) {
    ObjectNode node = record.document().deepCopy();
    if (nested) {
      node.remove(NESTING_POINTERS.getOrDefault(record.type(), List.of()));
    }
    for (HsdsType.Single single : record.type().singles()) {
      Optional<HsdsRecord> target =
          record
              .reference(single.foreignKey())
              .flatMap(source::find)
              .filter(found -> found.type() == single.type());
      if (target.isPresent()) {
        node.remove(single.foreignKey());
        node.set(single.property(), assemble(target.get(), source, Shape.NESTED, true));
      }
    }
    if (record.type() == HsdsType.SERVICE_AT_LOCATION && !nested) {
      // A service-at-location on its own carries its service, without the service's other
      // locations, as the HSDS example does.
      record
          .reference("service_id")
          .flatMap(source::find)
          .filter(found -> found.type() == HsdsType.SERVICE)
          .ifPresent(
              service -> {
                node.remove("service_id");
                ObjectNode nestedService = assemble(service, source, Shape.NESTED, true);
                nestedService.remove("service_at_locations");
                node.set("service", nestedService);
              });
    }
    List<HsdsType.Children> children = record.type().children();
    if (record.type() == HsdsType.ORGANIZATION && shape == Shape.ORGANIZATION_WITH_SERVICES) {
      children = new ArrayList<>(children);
      children.add(ORGANIZATION_SERVICES);
    }
    for (HsdsType.Children child : children) {
      ArrayNode array = node.putArray(child.property());
      for (HsdsRecord element : source.pointingTo(child.type(), child.foreignKey(), record.id())) {
        array.add(assemble(element, source, Shape.NESTED, true));
        if (child.type() == HsdsType.SERVICE) {
          stripNestedOrganization(array);
        }
      }
    }
    return node;
  }

  /** A service inside its organization does not repeat the organization. */
  private static void stripNestedOrganization(ArrayNode services) {
    JsonNode last = services.get(services.size() - 1);
    if (last instanceof ObjectNode service) {
      service.remove("organization");
    }
  }

  /** A record source over records held in memory. */
  public static RecordSource inMemory(Collection<HsdsRecord> records) {
    return new RecordIndex(records);
  }

  private static final class RecordIndex implements RecordSource {

    private final Map<UUID, HsdsRecord> byId = new LinkedHashMap<>();
    private final Map<String, List<HsdsRecord>> byPointer = new LinkedHashMap<>();

    RecordIndex(Collection<HsdsRecord> records) {
      for (HsdsRecord record : records) {
        byId.put(record.id(), record);
        for (String field : record.type().references()) {
          record
              .reference(field)
              .ifPresent(
                  target ->
                      byPointer
                          .computeIfAbsent(
                              key(record.type(), field, target), k -> new ArrayList<>())
                          .add(record));
        }
      }
    }

    private static String key(HsdsType type, String field, UUID id) {
      return type.name() + '|' + field + '|' + id;
    }

    @Override
    public Optional<HsdsRecord> find(UUID id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<HsdsRecord> pointingTo(HsdsType type, String field, UUID id) {
      return byPointer.getOrDefault(key(type, field, id), List.of());
    }
  }
}
