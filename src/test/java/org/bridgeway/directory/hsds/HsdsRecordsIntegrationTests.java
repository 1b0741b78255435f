package org.bridgeway.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class HsdsRecordsIntegrationTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Autowired HsdsRecords records;
  @Autowired TransactionTemplate transactions;

  @Test
  void writtenRecordsAssembleIntoTheDocumentTheyCameFrom() throws Exception {
    JsonNode original = HsdsGraphTest.exampleWithFreshIds("service_full.json");
    UUID serviceId = UUID.fromString(original.get("id").stringValue());
    UUID organizationId = UUID.fromString(original.get("organization").get("id").stringValue());
    List<HsdsRecord> flat = HsdsGraph.flatten(HsdsType.SERVICE, original);

    HsdsRecords.WriteSummary first =
        transactions.execute(tx -> records.write(flat, "Test Importer", NOW));
    HsdsRecords.WriteSummary second =
        transactions.execute(tx -> records.write(flat, "Test Importer", NOW));

    assertThat(first.createdCount()).isEqualTo(flat.size());
    assertThat(second.createdCount()).isZero();
    assertThat(second.updatedCount()).isZero();
    assertThat(second.unchangedCount()).isEqualTo(flat.size());

    HsdsRecord service = records.find(serviceId).orElseThrow();
    ObjectNode nested =
        HsdsGraph.assemble(
            service,
            records.graphOf(List.of(service), HsdsGraph.Shape.NESTED),
            HsdsGraph.Shape.NESTED);
    assertThat(HsdsGraphTest.withoutEmptyArrays(nested))
        .isEqualTo(HsdsGraphTest.withoutEmptyArrays(original));
    assertThat(records.ownedBy(organizationId)).extracting(HsdsRecord::id).contains(serviceId);
  }

  @Test
  void aChangedFieldLeavesHsdsMetadataWithThePreviousValue() throws Exception {
    JsonNode original = HsdsGraphTest.exampleWithFreshIds("service_full.json");
    UUID serviceId = UUID.fromString(original.get("id").stringValue());
    List<HsdsRecord> flat = HsdsGraph.flatten(HsdsType.SERVICE, original);
    transactions.executeWithoutResult(tx -> records.write(flat, "Importer", NOW));
    HsdsRecord service = records.find(serviceId).orElseThrow();
    ObjectNode renamed = service.document().deepCopy();
    renamed.put("name", "Counselling for Everyone");

    HsdsRecords.WriteSummary summary =
        transactions.execute(
            tx ->
                records.write(
                    List.of(new HsdsRecord(HsdsType.SERVICE, serviceId, renamed)),
                    "Ann Editor",
                    NOW));

    assertThat(summary.fieldChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.field()).isEqualTo("name");
              assertThat(change.previous()).isEqualTo("Community Counselling");
              assertThat(change.replacement()).isEqualTo("Counselling for Everyone");
            });
    HsdsRecord reloaded = records.find(serviceId).orElseThrow();
    ObjectNode nested =
        HsdsGraph.assemble(
            reloaded,
            records.graphOf(List.of(reloaded), HsdsGraph.Shape.NESTED),
            HsdsGraph.Shape.NESTED);
    assertThat(nested.get("metadata").valueStream().map(m -> m.get("updated_by").stringValue()))
        .contains("Ann Editor");
  }

  @Test
  void anIdCannotChangeType() throws Exception {
    JsonNode original = HsdsGraphTest.exampleWithFreshIds("service_full.json");
    UUID serviceId = UUID.fromString(original.get("id").stringValue());
    List<HsdsRecord> flat = HsdsGraph.flatten(HsdsType.SERVICE, original);
    transactions.executeWithoutResult(tx -> records.write(flat, "Importer", NOW));
    ObjectNode phone = records.find(serviceId).orElseThrow().document().deepCopy();
    phone.put("number", "555");

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx ->
                        records.write(
                            List.of(new HsdsRecord(HsdsType.PHONE, serviceId, phone)), "x", NOW)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(records.find(serviceId).orElseThrow().type()).isEqualTo(HsdsType.SERVICE);
  }
}
