package org.bridgeway.directory.openreferral;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Directory records for the API tests, written as an import would write them. */
final class DirectoryData {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final HsdsRecords records;
  private final TransactionTemplate transactions;

  DirectoryData(HsdsRecords records, TransactionTemplate transactions) {
    this.records = records;
    this.transactions = transactions;
  }

  /** An organization with one service at one location (with an address), all new. */
  record Listing(UUID organization, UUID service, UUID location, UUID serviceAtLocation) {}

  /** An official HSDS example with every id replaced by a fresh one, consistently. */
  static JsonNode exampleWithFreshIds(String name) throws IOException {
    String text;
    try (InputStream in = DirectoryData.class.getResourceAsStream("/hsds/examples/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> fresh = new HashMap<>();
    Matcher ids =
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .matcher(text);
    StringBuilder replaced = new StringBuilder();
    while (ids.find()) {
      ids.appendReplacement(
          replaced, fresh.computeIfAbsent(ids.group(), id -> UUID.randomUUID().toString()));
    }
    ids.appendTail(replaced);
    return JSON.readTree(replaced.toString());
  }

  /** Writes a nested HSDS document of a type; returns its records. */
  List<HsdsRecord> writeNested(HsdsType type, JsonNode document, Instant at) {
    List<HsdsRecord> flat = HsdsGraph.flatten(type, document);
    write(flat, at);
    return flat;
  }

  void write(Collection<HsdsRecord> batch, Instant at) {
    transactions.executeWithoutResult(tx -> records.write(batch, "API Test", at));
  }

  /** A new organization with one active service at one physical location in a ZIP code. */
  Listing listing(String serviceName, Instant at, double latitude, double longitude, String zip) {
    UUID organization = UUID.randomUUID();
    UUID service = UUID.randomUUID();
    Listing listing = new Listing(organization, service, null, null);
    List<HsdsRecord> batch = new ArrayList<>();
    batch.add(
        record(
            HsdsType.ORGANIZATION,
            organization,
            "name",
            "Organization of " + serviceName,
            "description",
            "Runs " + serviceName));
    batch.add(
        record(
            HsdsType.SERVICE,
            service,
            "organization_id",
            organization.toString(),
            "name",
            serviceName,
            "description",
            "A service made for an API test",
            "status",
            "active"));
    write(batch, at);
    Listing located = located(listing, "Office of " + serviceName, at, latitude, longitude, zip);
    return located;
  }

  /** Adds a location with an address and a service at location to a listing's service. */
  Listing located(
      Listing listing, String name, Instant at, double latitude, double longitude, String zip) {
    UUID location = UUID.randomUUID();
    UUID serviceAtLocation = UUID.randomUUID();
    ObjectNode place = JSON.createObjectNode();
    place.put("id", location.toString());
    place.put("organization_id", listing.organization().toString());
    place.put("location_type", "physical");
    place.put("name", name);
    place.put("latitude", latitude);
    place.put("longitude", longitude);
    write(
        List.of(
            new HsdsRecord(HsdsType.LOCATION, location, place),
            record(
                HsdsType.ADDRESS,
                UUID.randomUUID(),
                "location_id",
                location.toString(),
                "address_1",
                "1 Main Street",
                "city",
                "Portland",
                "state_province",
                "OR",
                "postal_code",
                zip,
                "country",
                "US",
                "address_type",
                "physical"),
            record(
                HsdsType.SERVICE_AT_LOCATION,
                serviceAtLocation,
                "service_id",
                listing.service().toString(),
                "location_id",
                location.toString(),
                "description",
                "Served at " + name)),
        at);
    return new Listing(listing.organization(), listing.service(), location, serviceAtLocation);
  }

  static HsdsRecord record(HsdsType type, UUID id, String... fields) {
    ObjectNode document = JSON.createObjectNode();
    document.put("id", id.toString());
    for (int i = 0; i < fields.length; i += 2) {
      document.put(fields[i], fields[i + 1]);
    }
    return new HsdsRecord(type, id, document);
  }
}
