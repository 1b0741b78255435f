package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bridgeway.directory.hsds.HsdsType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TabularSchemaTest {

  @Test
  void columnsAreThoseOfTheCompiledTabularSchemaInSchemaOrder() {
    JsonNode tabular =
        ExchangeFixtures.JSON.readTree(ExchangeFixtures.resource("/hsds/compiled/tabular.json"));
    for (HsdsType type : HsdsType.values()) {
      JsonNode items = tabular.get("properties").get(type.schemaName()).get("items");
      List<String> expected = new ArrayList<>();
      for (Map.Entry<String, JsonNode> property : items.get("properties").properties()) {
        if (!property.getValue().path("type").asString("").equals("array")) {
          expected.add(property.getKey());
        }
      }
      TabularSchema.Table table = TabularSchema.of(type);
      assertThat(table.columnNames()).as(type.schemaName()).isEqualTo(expected);
      assertThat(table.file()).isEqualTo(items.get("path").asString());
      assertThat(table.order()).isEqualTo(items.get("datapackage_metadata").get("order").asInt());
    }
  }

  @Test
  void numberColumnsAreTyped() {
    assertThat(TabularSchema.of(HsdsType.LOCATION).column("latitude").isNumber()).isTrue();
    assertThat(TabularSchema.of(HsdsType.PHONE).column("extension").isNumber()).isTrue();
    assertThat(TabularSchema.of(HsdsType.PHONE).column("number").isString()).isTrue();
  }
}
