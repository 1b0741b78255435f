package org.bridgeway.directory.exchange;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecord;

/**
 * Everything an upload holds, in flat form, with where each object came from. Objects that appear
 * more than once in nested JSON are merged into one (their copies must agree).
 */
final class ImportBatch {

  private String kind;
  private final Map<UUID, HsdsRecord> records = new LinkedHashMap<>();
  private final Map<UUID, Origin> origins = new HashMap<>();

  String kind() {
    return kind;
  }

  void kind(String detected) {
    this.kind = detected;
  }

  Map<UUID, HsdsRecord> records() {
    return records;
  }

  Origin originOf(UUID id) {
    return origins.get(id);
  }

  void origin(UUID id, Origin origin) {
    origins.putIfAbsent(id, origin);
  }
}
