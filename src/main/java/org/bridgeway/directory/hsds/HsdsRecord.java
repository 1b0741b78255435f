package org.bridgeway.directory.hsds;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HSDS object in flat (tabular) form: its type, its id and its own scalar fields, exactly as
 * HSDS names them. Pointers to other objects are fields like any other ({@code service_id}).
 */
public record HsdsRecord(HsdsType type, UUID id, ObjectNode document) {

  /** The value of a field as text, if present and not null. */
  public Optional<String> text(String field) {
    JsonNode value = document.get(field);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(value.isString() ? value.stringValue() : value.toString());
  }

  /** The id held by a pointer field, if present and a well-formed UUID. */
  public Optional<UUID> reference(String field) {
    return text(field).flatMap(HsdsRecord::parseUuid);
  }

  /** Every id this record points to: what {@code directory_record.links} indexes. */
  public Set<UUID> links() {
    Set<UUID> links = new LinkedHashSet<>();
    for (String field : type.references()) {
      reference(field).ifPresent(links::add);
    }
    return links;
  }

  public static Optional<UUID> parseUuid(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
