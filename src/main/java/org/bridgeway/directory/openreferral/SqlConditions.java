package org.bridgeway.directory.openreferral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query being built: common table expressions, WHERE conditions and their named parameters. */
final class SqlConditions {

  private final List<String> with = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** Binds a value and returns the placeholder to write in its place. */
  String bind(Object value) {
    String name = "p" + params.size();
    params.put(name, value);
    return ":" + name;
  }

  void with(String name, String query) {
    with.add(name + " AS (" + query + ")");
  }

  void where(String condition) {
    conditions.add("(" + condition + ")");
  }

  /** {@code WITH ...} with a trailing space, or nothing. */
  String withClause() {
    return with.isEmpty() ? "" : "WITH " + String.join(", ", with) + " ";
  }

  /** The conditions, each preceded by {@code AND}. */
  String andConditions() {
    return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
  }

  Map<String, Object> params() {
    return params;
  }
}
