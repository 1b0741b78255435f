package org.bridgeway.directory.openreferral;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document of Bridgeway's {@code /hsds} API: the HSDS 3.0 API reference ({@code
 * classpath:hsds/schema/openapi.json}, kept unchanged) with its placeholders filled in, the server
 * named, the {@code postcode} and {@code proximity} filters that Bridgeway also offers on {@code
 * /services} declared, and the reference's slip on {@code /service_at_locations/{id}} (whose
 * response points at the service schema) corrected to the service_at_location schema.
 */
@Component
public class OpenReferralApiDocument {

  /** The HSDS version the API follows. */
  public static final String HSDS_VERSION = "3.0";

  /**
   * The HSDS profile the API follows: none beyond the base specification; Bridgeway's own fields
   * travel as attributes of its taxonomy.
   */
  public static final String PROFILE_URL = "https://docs.openreferral.org/en/v3.0/";

  private static final String COMPILED =
      "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/";

  private final ObjectNode document = load();

  /** The document, with the API's base URL ({@code https://host/hsds}) as its server. */
  public ObjectNode forServer(String baseUrl) {
    ObjectNode copy = document.deepCopy();
    ArrayNode servers = copy.putArray("servers");
    servers.addObject().put("url", baseUrl).put("description", "This Bridgeway network");
    return copy;
  }

  private static ObjectNode load() {
    ObjectNode document;
    try (InputStream in =
        OpenReferralApiDocument.class.getResourceAsStream("/hsds/schema/openapi.json")) {
      document = (ObjectNode) JsonMapper.shared().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the HSDS API reference", e);
    }
    ObjectNode info = document.putObject("info");
    info.put("title", "Bridgeway Open Referral API");
    info.put("version", "1.0");
    info.put(
        "summary", "The community resources of a Bridgeway network, as Open Referral HSDS 3.0.");
    info.put(
        "description",
        "Read-only, public HSDS 3.0 API of the directory of a community-supervision network."
            + " Need domains served, structured eligibility and live capacity appear as"
            + " attributes of each service under the Bridgeway taxonomy (listed at /taxonomies)."
            + " Lists are paged from page 1, per_page 1 to 500 (default 50); format=ndjson streams"
            + " every match. postcode takes a U.S. ZIP code: with proximity (meters) it keeps"
            + " locations within that distance of the ZIP centroid; alone it keeps services whose"
            + " residency rule or service area names the ZIP code, or whose location's address"
            + " has it. An invalid or unknown parameter value is answered 400 naming it.");
    JsonNode services = document.at("/paths/~1services/get/parameters");
    if (services instanceof ArrayNode parameters) {
      parameters.addObject().put("$ref", "#/components/parameters/postcode");
      parameters.addObject().put("$ref", "#/components/parameters/proximity");
    }
    JsonNode schema =
        document.at(
            "/paths/~1service_at_locations~1{id}/get/responses/200/content/application~1json/schema");
    if (schema instanceof ObjectNode ref) {
      ref.put("$ref", COMPILED + "service_at_location.json");
    }
    return document;
  }
}
