package org.bridgeway.directory.openreferral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.geo.Coordinates;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.openreferral.DirectoryData.Listing;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public Open Referral API answers per the HSDS 3.0 API reference, and its answers validate
 * against the reference's response schemas. Tests share a database with others, so each makes its
 * own records and narrows lists to them (a word of their own in names, their own organization).
 */
@IntegrationTest
@AutoConfigureMockMvc
class OpenReferralApiTests {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  /** The 97201 (Portland, Oregon) ZIP centroid, and a point about 160 m from it. */
  private static final Coordinates PORTLAND = new Coordinates(45.5085511, -122.6882835);

  private static final Coordinates NEAR_PORTLAND = new Coordinates(45.5100, -122.6880);

  /** Lake Oswego (97035), about 11 km south. */
  private static final Coordinates LAKE_OSWEGO = new Coordinates(45.4136015, -122.7252518);

  @Autowired MockMvc mvc;
  @Autowired HsdsRecords records;
  @Autowired TransactionTemplate transactions;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;

  private final ApiSchemas schemas = new ApiSchemas();
  private DirectoryData data;
  private String word;

  @BeforeEach
  void setUp() {
    data = new DirectoryData(records, transactions);
    word = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  // ---------------------------------------------------------------------------------------------
  // the reference, endpoint by endpoint

  @ParameterizedTest
  @ValueSource(strings = {"/hsds", "/hsds/"})
  void apiInfoNamesTheHsdsVersionAndAServedOpenApiDocument(String path) throws Exception {
    JsonNode info = json(get(path));

    assertThat(info.get("version").asString()).isEqualTo("3.0");
    assertThat(info.get("profile").asString()).startsWith("https://");
    assertThat(info.get("openapi_url").asString()).isEqualTo("http://localhost/hsds/openapi.json");
    JsonNode declared =
        reference().at("/paths/~1/get/responses/200/content/application~1json/schema");
    assertThat(schemas.violationsOfInline(declared, info)).isEmpty();

    JsonNode document = json(get("/hsds/openapi.json"));
    assertThat(document.get("openapi").asString()).startsWith("3.1");
    assertThat(document.at("/servers/0/url").asString()).isEqualTo("http://localhost/hsds");
    assertThat(document.at("/info/title").asString()).doesNotContain("REQUIRED");
    assertThat(document.get("paths").propertyNames())
        .containsAll(reference().get("paths").propertyNames());
  }

  /**
   * Every path of the reference, called with records of the official examples, answers 200 with a
   * body that validates against the response schema the reference names (list items against the
   * list item schema), the full forms against the full schemas.
   */
  @Test
  void everyEndpointOfTheReferenceAnswersInTheSchemaItDeclares() throws Exception {
    Example example = writeExample();
    Map<String, String> calls = new LinkedHashMap<>();
    calls.put("/services", "/hsds/services?organization_id=" + example.organization);
    calls.put("/services/{id}", "/hsds/services/" + example.service);
    calls.put("/taxonomies", "/hsds/taxonomies?search=" + word);
    calls.put("/taxonomies/{id}", "/hsds/taxonomies/" + example.taxonomy);
    calls.put("/taxonomy_terms", "/hsds/taxonomy_terms?taxonomy_id=" + example.taxonomy);
    calls.put("/taxonomy_terms/{id}", "/hsds/taxonomy_terms/" + example.term);
    calls.put("/organizations", "/hsds/organizations?search=" + word);
    calls.put("/organizations/{id}", "/hsds/organizations/" + example.organization);
    calls.put(
        "/service_at_locations",
        "/hsds/service_at_locations?organization_id=" + example.organization);
    calls.put(
        "/service_at_locations/{id}", "/hsds/service_at_locations/" + example.serviceAtLocation);
    assertThat(calls.keySet())
        .containsAll(
            reference().get("paths").propertyNames().stream().filter(p -> !p.equals("/")).toList());

    for (Map.Entry<String, String> call : calls.entrySet()) {
      JsonNode schema =
          reference()
              .get("paths")
              .get(call.getKey())
              .at("/get/responses/200/content/application~1json/schema");
      JsonNode body = json(get(call.getValue()));
      if (schema.has("$ref")) {
        String ref = schema.get("$ref").asString();
        if (call.getKey().equals("/service_at_locations/{id}")) {
          // The reference names the service schema here by mistake; the object is a
          // service_at_location, as its example shows.
          ref = ref.replace("compiled/service.json", "compiled/service_at_location.json");
        }
        assertThat(schemas.violations(ref, body)).as(call.getValue()).isEmpty();
      } else {
        String itemRef = schema.at("/properties/contents/items/$ref").asString();
        assertPage(body);
        assertThat(body.get("contents")).as(call.getValue()).isNotEmpty();
        for (JsonNode item : body.get("contents")) {
          assertThat(schemas.violations(itemRef, item)).as(call.getValue()).isEmpty();
        }
      }
    }
  }

  @Test
  void serviceListItemsCarryTheirOrganizationAndProgramLikeTheOfficialExample() throws Exception {
    Example example = writeExample();

    JsonNode page = json(get("/hsds/services?organization_id=" + example.organization));

    JsonNode service = page.get("contents").get(0);
    assertThat(service.get("id").asString()).isEqualTo(example.service.toString());
    assertThat(service.at("/organization/id").asString())
        .isEqualTo(example.organization.toString());
    assertThat(service.at("/program/name").asString()).isEqualTo("Community Mental Health Support");
    assertThat(service.has("organization_id")).isFalse();
    assertThat(service.has("phones")).isFalse();
    assertThat(schemas.compiled("service_list", service)).isEmpty();
  }

  @Test
  void fullFormsOfListsValidateAgainstTheFullSchemas() throws Exception {
    Example example = writeExample();

    JsonNode services =
        json(get("/hsds/services?full=true&organization_id=" + example.organization));
    JsonNode locations =
        json(get("/hsds/service_at_locations?full=true&organization_id=" + example.organization));
    JsonNode organizations = json(get("/hsds/organizations?full=true&search=" + word));
    JsonNode withServices = json(get("/hsds/organizations?full_service=true&search=" + word));

    assertThat(services.get("contents")).singleElement();
    assertThat(services.at("/contents/0/phones")).isNotEmpty();
    assertThat(schemas.compiled("service", services.at("/contents/0"))).isEmpty();
    assertThat(locations.get("contents")).isNotEmpty();
    for (JsonNode item : locations.get("contents")) {
      assertThat(schemas.compiled("service_at_location", item)).isEmpty();
      assertThat(item.at("/service/id").asString()).isEqualTo(example.service.toString());
    }
    assertThat(schemas.compiled("organization", organizations.at("/contents/0"))).isEmpty();
    assertThat(organizations.at("/contents/0/services/0/id").asString())
        .isEqualTo(example.service.toString());
    assertThat(organizations.at("/contents/0/services/0").has("phones")).isFalse();
    assertThat(schemas.compiled("organization", withServices.at("/contents/0"))).isEmpty();
    assertThat(withServices.at("/contents/0/services/0/phones")).isNotEmpty();
  }

  @Test
  void anOrganizationNestsItsServicesBasicOrFull() throws Exception {
    Example example = writeExample();

    JsonNode basic = json(get("/hsds/organizations/" + example.organization));
    JsonNode full = json(get("/hsds/organizations/" + example.organization + "?full_service=true"));

    assertThat(schemas.compiled("organization", basic)).isEmpty();
    assertThat(basic.get("locations")).isNotEmpty();
    assertThat(basic.get("services")).singleElement();
    assertThat(basic.at("/services/0/name").asString()).startsWith("Community Counselling");
    assertThat(basic.at("/services/0").has("schedules")).isFalse();
    assertThat(schemas.compiled("organization", full)).isEmpty();
    assertThat(full.at("/services/0/schedules")).isNotEmpty();
  }

  @Test
  void aServiceAtLocationNestsItsLocationAndItsService() throws Exception {
    Example example = writeExample();

    JsonNode found = json(get("/hsds/service_at_locations/" + example.serviceAtLocation));
    JsonNode listed =
        json(get("/hsds/service_at_locations?organization_id=" + example.organization));

    assertThat(schemas.compiled("service_at_location", found)).isEmpty();
    assertThat(found.at("/location/addresses")).isNotEmpty();
    assertThat(found.at("/service/id").asString()).isEqualTo(example.service.toString());
    assertThat(found.get("service").has("service_at_locations")).isFalse();
    JsonNode item = listed.get("contents").get(0);
    assertThat(schemas.compiled("service_at_location_list", item)).isEmpty();
    assertThat(item.at("/location/location_type").asString()).isEqualTo("physical");
    assertThat(item.at("/service/organization/id").asString())
        .isEqualTo(example.organization.toString());
    assertThat(item.get("location").has("addresses")).isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // Bridgeway's extensions as attributes

  @Test
  void aServiceWithAProfileAndCapacityShowsThemAsBridgewayAttributes() throws Exception {
    Listing listing = data.listing("Housing Help " + word, NOW, 45.5, -122.6, "97201");
    ServiceProfile profile =
        new ServiceProfile(
            listing.service(),
            Set.of(NeedDomain.HOUSING, NeedDomain.SUBSTANCE_USE),
            18,
            64,
            Set.of(Gender.FEMALE),
            Set.of(SupervisionType.PROBATION),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of("97201"),
            Set.of("en", "es"),
            Set.of(),
            CostKind.SLIDING_SCALE,
            new BigDecimal("42.50"),
            "session",
            0);
    profiles.save(profile, NOW);
    Instant reported = NOW.plusSeconds(3600);
    var capacity = capacities.report(listing.service(), 3, 7, 14, "user:test", reported, null);

    JsonNode service = json(get("/hsds/services/" + listing.service()));

    assertThat(schemas.compiled("service", service)).isEmpty();
    Map<String, List<String>> values = bridgewayValues(service.get("attributes"));
    assertThat(values.get("need-domain")).containsExactlyInAnyOrder("HOUSING", "SUBSTANCE_USE");
    assertThat(values.get("minimum-age")).containsExactly("18");
    assertThat(values.get("gender")).containsExactly("FEMALE");
    assertThat(values.get("residency-postcode")).containsExactly("97201");
    assertThat(values.get("unit-cost")).containsExactly("42.50");
    assertThat(values.get("capacity-open-slots")).containsExactly("3");
    assertThat(values.get("capacity-waitlist-length")).containsExactly("7");
    assertThat(values.get("capacity-estimated-wait-days")).containsExactly("14");
    assertThat(values.get("capacity-updated-at")).containsExactly(reported.toString());
    List<String> expectedIds =
        BridgewayTaxonomy.attributesOf(profile, capacity).stream()
            .map(a -> a.id().toString())
            .toList();
    List<String> ids = new ArrayList<>();
    service.get("attributes").forEach(a -> ids.add(a.get("id").asString()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedIds);
    JsonNode attribute = service.at("/attributes/0");
    assertThat(attribute.get("link_type").asString()).isEqualTo("bridgeway");
    assertThat(attribute.get("link_entity").asString()).isEqualTo("service");
    assertThat(attribute.at("/taxonomy_term/taxonomy_detail/id").asString())
        .isEqualTo(BridgewayTaxonomy.TAXONOMY_ID.toString());
    // The capacity report is the latest change to the service.
    assertThat(service.get("last_modified").asString()).isEqualTo(reported.toString());

    JsonNode atLocation = json(get("/hsds/service_at_locations/" + listing.serviceAtLocation()));
    assertThat(bridgewayValues(atLocation.at("/service/attributes")).get("need-domain")).hasSize(2);
    JsonNode organization =
        json(get("/hsds/organizations/" + listing.organization() + "?full_service=true"));
    assertThat(bridgewayValues(organization.at("/services/0/attributes")).get("gender"))
        .containsExactly("FEMALE");
    JsonNode fullList = json(get("/hsds/services?full=true&search=" + word));
    assertThat(bridgewayValues(fullList.at("/contents/0/attributes")).get("capacity-open-slots"))
        .containsExactly("3");
  }

  @Test
  void bridgewayTermsFilterServicesByTheirProfileAndCapacity() throws Exception {
    Listing withDomains = data.listing("Domains " + word, NOW, 45.5, -122.6, "97201");
    Listing withCapacity = data.listing("Capacity " + word, NOW, 45.5, -122.6, "97201");
    Listing plain = data.listing("Plain " + word, NOW, 45.5, -122.6, "97201");
    profiles.save(
        new ServiceProfile(
            withDomains.service(),
            Set.of(NeedDomain.HOUSING),
            null,
            null,
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            null,
            null,
            null,
            0),
        NOW);
    capacities.report(withCapacity.service(), 0, 2, null, "user:test", NOW, null);

    assertThat(
            ids(
                "/hsds/services?search="
                    + word
                    + "&taxonomy_term_id="
                    + BridgewayTaxonomy.Term.NEED_DOMAIN.id()))
        .containsExactly(withDomains.service());
    assertThat(
            ids(
                "/hsds/services?search="
                    + word
                    + "&taxonomy_term_id="
                    + BridgewayTaxonomy.Term.CAPACITY_OPEN_SLOTS.id()))
        .containsExactly(withCapacity.service());
    assertThat(
            ids("/hsds/services?search=" + word + "&taxonomy_id=" + BridgewayTaxonomy.TAXONOMY_ID))
        .containsExactlyInAnyOrder(withDomains.service(), withCapacity.service())
        .doesNotContain(plain.service());
    assertThat(
            ids(
                "/hsds/service_at_locations?search="
                    + word
                    + "&taxonomy_term_id="
                    + BridgewayTaxonomy.Term.NEED_DOMAIN.id()))
        .containsExactly(withDomains.serviceAtLocation());
  }

  // ---------------------------------------------------------------------------------------------
  // filters

  @Test
  void searchIgnoresCaseAndAccentsAndNeedsEveryWord() throws Exception {
    Listing resume = data.listing("Résumé Workshop " + word, NOW, 45.5, -122.6, "97201");
    Listing other = data.listing("Job Club " + word, NOW, 45.5, -122.6, "97201");

    assertThat(ids("/hsds/services?search=resume " + word)).containsExactly(resume.service());
    assertThat(ids("/hsds/services?search=RÉSUMÉ WORKSHOP " + word.toUpperCase()))
        .containsExactly(resume.service());
    assertThat(ids("/hsds/services?search=" + word))
        .containsExactlyInAnyOrder(resume.service(), other.service());
    assertThat(ids("/hsds/services?search=club resume " + word)).isEmpty();
    assertThat(ids("/hsds/service_at_locations?search=resume " + word))
        .containsExactly(resume.serviceAtLocation());
    assertThat(ids("/hsds/organizations?search=résumé " + word))
        .containsExactly(resume.organization());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "_", "\\", "'; DROP TABLE directory_record;--", "\u0000", "𝄞 ½"})
  void hostileSearchStringsBreakNothing(String search) throws Exception {
    data.listing("Quiet Service " + word, NOW, 45.5, -122.6, "97201");

    assertThat(ids("/hsds/services?search=" + word + " " + search)).hasSizeLessThanOrEqualTo(1);
    assertThat(ids("/hsds/service_at_locations?search=" + word + " " + search))
        .hasSizeLessThanOrEqualTo(1);
    assertThat(ids("/hsds/organizations?search=" + word + " " + search))
        .hasSizeLessThanOrEqualTo(1);
    assertThat(json(get("/hsds/taxonomies?search=" + search)).get("contents").isArray()).isTrue();
    assertThat(json(get("/hsds/taxonomy_terms?search=" + search)).get("contents").isArray())
        .isTrue();
  }

  @Test
  void likeWildcardsInASearchAreTakenLiterally() throws Exception {
    Listing percent = data.listing("100% Recovery " + word, NOW, 45.5, -122.6, "97201");
    data.listing("Plain Recovery " + word, NOW, 45.5, -122.6, "97201");

    assertThat(ids("/hsds/services?search=% " + word)).containsExactly(percent.service());
    assertThat(ids("/hsds/services?search=_ " + word)).isEmpty();
  }

  @Test
  void aSearchLongerThanTheLimitIsRefused() throws Exception {
    assertProblem(get("/hsds/services?search=" + "a".repeat(201)), 400, "search");
  }

  @Test
  void organizationIdKeepsThatOrganizationsServices() throws Exception {
    Listing one = data.listing("First " + word, NOW, 45.5, -122.6, "97201");
    data.listing("Second " + word, NOW, 45.5, -122.6, "97201");

    assertThat(ids("/hsds/services?organization_id=" + one.organization()))
        .containsExactly(one.service());
    assertThat(ids("/hsds/service_at_locations?organization_id=" + one.organization()))
        .containsExactly(one.serviceAtLocation());
    assertProblem(
        get("/hsds/services?organization_id=" + UUID.randomUUID()), 400, "organization_id");
    assertProblem(get("/hsds/services?organization_id=nope"), 400, "organization_id");
  }

  @Test
  void taxonomyTermIdKeepsServicesWithAnAttributeOfThatTerm() throws Exception {
    Example example = writeExample();
    data.listing("Untagged " + word, NOW, 45.5, -122.6, "97201");

    assertThat(ids("/hsds/services?search=" + word + "&taxonomy_term_id=" + example.term))
        .containsExactly(example.service);
    assertThat(ids("/hsds/services?search=" + word + "&taxonomy_id=" + example.taxonomy))
        .containsExactly(example.service);
    assertProblem(
        get("/hsds/services?taxonomy_term_id=" + UUID.randomUUID()), 400, "taxonomy_term_id");
    assertProblem(get("/hsds/service_at_locations?taxonomy_id=x"), 400, "taxonomy_id");
  }

  @Test
  void modifiedAfterKeepsWhatChangedSinceThen() throws Exception {
    Instant long_ago = Instant.parse("2001-01-01T00:00:00Z");
    Listing old = data.listing("Old " + word, long_ago, 45.5, -122.6, "97201");
    Listing recent = data.listing("Recent " + word, NOW, 45.5, -122.6, "97201");
    Listing phoned = data.listing("Phoned " + word, long_ago, 45.5, -122.6, "97201");
    Listing reported = data.listing("Reported " + word, long_ago, 45.5, -122.6, "97201");
    data.write(
        List.of(
            DirectoryData.record(
                HsdsType.PHONE,
                UUID.randomUUID(),
                "service_id",
                phoned.service().toString(),
                "number",
                "503-555-0100")),
        NOW);
    capacities.report(reported.service(), 1, 0, null, "user:test", NOW, null);

    String since = "2020-06-01T00:00:00Z";
    assertThat(ids("/hsds/services?search=" + word + "&modified_after=" + since))
        .containsExactlyInAnyOrder(recent.service(), phoned.service(), reported.service())
        .doesNotContain(old.service());
    assertThat(ids("/hsds/service_at_locations?search=" + word + "&modified_after=2020-06-01"))
        .containsExactlyInAnyOrder(
            recent.serviceAtLocation(), phoned.serviceAtLocation(), reported.serviceAtLocation());
    assertThat(ids("/hsds/services?search=" + word + "&modified_after=2020-06-01T02:00:00+02:00"))
        .hasSize(3);
    JsonNode minimal = json(get("/hsds/services?minimal=true&search=Old " + word));
    assertThat(minimal.at("/contents/0").propertyNames())
        .containsExactlyInAnyOrder("id", "last_modified");
    assertThat(minimal.at("/contents/0/last_modified").asString()).isEqualTo(long_ago.toString());
    assertProblem(get("/hsds/services?modified_after=yesterday"), 400, "modified_after");
  }

  @Test
  void postcodeWithProximityKeepsLocationsWithinThatDistanceOfTheZipCentroid() throws Exception {
    Listing near =
        data.listing(
            "Downtown " + word, NOW, NEAR_PORTLAND.latitude(), NEAR_PORTLAND.longitude(), "97201");
    Listing far =
        data.listing(
            "Lakeside " + word, NOW, LAKE_OSWEGO.latitude(), LAKE_OSWEGO.longitude(), "97035");
    double toNear = PORTLAND.metersTo(NEAR_PORTLAND);
    double toFar = PORTLAND.metersTo(LAKE_OSWEGO);
    assertThat(toNear).isLessThan(500);
    assertThat(toFar).isBetween(10_000.0, 13_000.0);

    assertThat(ids("/hsds/service_at_locations?search=" + word + "&postcode=97201&proximity=5000"))
        .containsExactly(near.serviceAtLocation());
    assertThat(ids("/hsds/services?search=" + word + "&postcode=97201&proximity=5000"))
        .containsExactly(near.service());
    // nearest first
    assertThat(ids("/hsds/service_at_locations?search=" + word + "&postcode=97201&proximity=20000"))
        .containsExactly(near.serviceAtLocation(), far.serviceAtLocation());
    // just inside and just outside the exact distance
    assertThat(
            ids(
                "/hsds/service_at_locations?search="
                    + word
                    + "&postcode=97201-1234&proximity="
                    + (toFar + 5)))
        .contains(far.serviceAtLocation());
    assertThat(
            ids(
                "/hsds/service_at_locations?search="
                    + word
                    + "&postcode=97201&proximity="
                    + (toFar - 5)))
        .doesNotContain(far.serviceAtLocation());
  }

  @Test
  void postcodeAloneKeepsServicesThatCoverItOrHaveAnAddressInIt() throws Exception {
    Listing addressed = data.listing("Addressed " + word, NOW, 45.41, -122.72, "97201");
    Listing resident = data.listing("Resident " + word, NOW, 45.41, -122.72, "97035");
    Listing area = data.listing("Area " + word, NOW, 45.41, -122.72, "97035");
    Listing elsewhere = data.listing("Elsewhere " + word, NOW, 45.41, -122.72, "97035");
    profiles.save(
        new ServiceProfile(
            resident.service(),
            Set.of(),
            null,
            null,
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of("97201", "97202"),
            Set.of(),
            Set.of(),
            null,
            null,
            null,
            0),
        NOW);
    data.write(
        List.of(
            DirectoryData.record(
                HsdsType.SERVICE_AREA,
                UUID.randomUUID(),
                "service_id",
                area.service().toString(),
                "name",
                "ZIP codes 97201, 97209",
                "extent_type",
                "text")),
        NOW);

    assertThat(ids("/hsds/services?search=" + word + "&postcode=97201"))
        .containsExactlyInAnyOrder(addressed.service(), resident.service(), area.service())
        .doesNotContain(elsewhere.service());
    assertThat(ids("/hsds/service_at_locations?search=" + word + "&postcode=97201"))
        .containsExactlyInAnyOrder(
            addressed.serviceAtLocation(), resident.serviceAtLocation(), area.serviceAtLocation());
  }

  @ParameterizedTest
  @CsvSource({
    "postcode=00000, postcode",
    "postcode=9720, postcode",
    "postcode=ABCDE, postcode",
    "postcode=97201&proximity=-5, proximity",
    "postcode=97201&proximity=0, proximity",
    "postcode=97201&proximity=far, proximity",
    "postcode=97201&proximity=NaN, proximity",
    "proximity=5000, proximity"
  })
  void badPostcodesAndProximitiesAreRefusedNamingTheParameter(String query, String parameter)
      throws Exception {
    assertProblem(get("/hsds/service_at_locations?" + query), 400, parameter);
    assertProblem(get("/hsds/services?" + query), 400, parameter);
  }

  // ---------------------------------------------------------------------------------------------
  // paging and formats

  @Test
  void pagesFollowTheReferenceEnvelope() throws Exception {
    for (int i = 0; i < 3; i++) {
      data.listing("Paged " + i + " " + word, NOW, 45.5, -122.6, "97201");
    }

    JsonNode first = json(get("/hsds/services?per_page=2&search=" + word));
    JsonNode second = json(get("/hsds/services?per_page=2&page=2&search=" + word));
    JsonNode past = json(get("/hsds/services?per_page=2&page=3&search=" + word));
    JsonNode none = json(get("/hsds/services?search=nothing" + word));

    assertPage(first);
    assertThat(first.get("total_items").asInt()).isEqualTo(3);
    assertThat(first.get("total_pages").asInt()).isEqualTo(2);
    assertThat(first.get("page_number").asInt()).isEqualTo(1);
    assertThat(first.get("size").asInt()).isEqualTo(2);
    assertThat(first.get("first_page").asBoolean()).isTrue();
    assertThat(first.get("last_page").asBoolean()).isFalse();
    assertThat(first.get("empty").asBoolean()).isFalse();
    assertThat(first.get("contents")).hasSize(2);
    assertThat(first.at("/contents/0/name").asString()).startsWith("Paged 0");
    assertThat(second.get("size").asInt()).isEqualTo(1);
    assertThat(second.get("first_page").asBoolean()).isFalse();
    assertThat(second.get("last_page").asBoolean()).isTrue();
    assertThat(second.at("/contents/0/name").asString()).startsWith("Paged 2");
    assertThat(past.get("empty").asBoolean()).isTrue();
    assertThat(past.get("contents")).isEmpty();
    assertThat(past.get("total_items").asInt()).isEqualTo(3);
    assertThat(none.get("total_items").asInt()).isZero();
    assertThat(none.get("total_pages").asInt()).isZero();
    assertThat(none.get("empty").asBoolean()).isTrue();
    assertThat(none.get("last_page").asBoolean()).isTrue();
    assertThat(json(get("/hsds/services?per_page=500&search=" + word)).get("size").asInt())
        .isEqualTo(3);
    assertThat(json(get("/hsds/services?search=" + word)).get("contents")).hasSize(3);
  }

  @ParameterizedTest
  @CsvSource({
    "/hsds/services?per_page=0, per_page",
    "/hsds/services?per_page=501, per_page",
    "/hsds/services?per_page=ten, per_page",
    "/hsds/services?page=0, page",
    "/hsds/services?page=-1, page",
    "/hsds/services?page=99999999999, page",
    "/hsds/services?format=xml, format",
    "/hsds/services?full=maybe, full",
    "/hsds/services?minimal=true&full=true, minimal",
    "/hsds/service_at_locations?per_page=1000, per_page",
    "/hsds/organizations?full_service=1, full_service",
    "/hsds/organizations?per_page=501, per_page",
    "/hsds/organizations/00000000-0000-0000-0000-000000000000?full_service=yes, full_service",
    "/hsds/taxonomies?format=csv, format",
    "/hsds/taxonomy_terms?top_only=perhaps, top_only",
    "/hsds/taxonomy_terms?parent_id=nope, parent_id",
    "/hsds/taxonomy_terms?taxonomy_id=00000000-0000-0000-0000-000000000000, taxonomy_id"
  })
  void badParameterValuesAreRefusedNamingTheParameter(String url, String parameter)
      throws Exception {
    assertProblem(get(url), 400, parameter);
  }

  @Test
  void ndjsonStreamsEveryMatchOnePerLine() throws Exception {
    for (int i = 0; i < 3; i++) {
      data.listing("Streamed " + i + " " + word, NOW, 45.5, -122.6, "97201");
    }

    MockHttpServletResponse services =
        mvc.perform(get("/hsds/services?format=ndjson&per_page=1&search=" + word))
            .andReturn()
            .getResponse();
    MockHttpServletResponse minimal =
        mvc.perform(get("/hsds/services?format=NDJSON&minimal=true&search=" + word))
            .andReturn()
            .getResponse();
    MockHttpServletResponse locations =
        mvc.perform(get("/hsds/service_at_locations?format=ndjson&full=true&search=" + word))
            .andReturn()
            .getResponse();
    MockHttpServletResponse organizations =
        mvc.perform(get("/hsds/organizations?format=ndjson&search=" + word))
            .andReturn()
            .getResponse();
    MockHttpServletResponse terms =
        mvc.perform(
                get(
                    "/hsds/taxonomy_terms?format=ndjson&taxonomy_id="
                        + BridgewayTaxonomy.TAXONOMY_ID))
            .andReturn()
            .getResponse();

    assertThat(services.getStatus()).isEqualTo(200);
    assertThat(services.getContentType()).startsWith("application/x-ndjson");
    List<JsonNode> lines = lines(services);
    assertThat(lines).hasSize(3);
    for (JsonNode line : lines) {
      assertThat(schemas.compiled("service_list", line)).isEmpty();
    }
    assertThat(lines(minimal)).allSatisfy(l -> assertThat(l.size()).isEqualTo(2)).hasSize(3);
    assertThat(lines(locations))
        .hasSize(3)
        .allSatisfy(l -> assertThat(schemas.compiled("service_at_location", l)).isEmpty());
    assertThat(lines(organizations))
        .hasSize(3)
        .allSatisfy(l -> assertThat(schemas.compiled("organization_list", l)).isEmpty());
    assertThat(lines(terms)).hasSize(BridgewayTaxonomy.Term.values().length);
    assertProblem(get("/hsds/services?format=ndjson&postcode=00000"), 400, "postcode");
  }

  // ---------------------------------------------------------------------------------------------
  // taxonomies

  @Test
  void taxonomiesAndTermsIncludeBridgewaysOwn() throws Exception {
    JsonNode taxonomies = json(get("/hsds/taxonomies?search=bridgeway"));
    JsonNode taxonomy = json(get("/hsds/taxonomies/" + BridgewayTaxonomy.TAXONOMY_ID));
    JsonNode terms =
        json(get("/hsds/taxonomy_terms?per_page=500&taxonomy_id=" + BridgewayTaxonomy.TAXONOMY_ID));
    JsonNode term = json(get("/hsds/taxonomy_terms/" + BridgewayTaxonomy.Term.GENDER.id()));

    assertThat(taxonomies.get("contents"))
        .anySatisfy(t -> assertThat(t.get("name").asString()).isEqualTo("Bridgeway"));
    taxonomies.get("contents").forEach(t -> assertThat(schemas.object("taxonomy", t)).isEmpty());
    assertThat(schemas.object("taxonomy", taxonomy)).isEmpty();
    assertThat(taxonomy.get("uri").asString()).isEqualTo(BridgewayTaxonomy.TAXONOMY_URI);
    assertThat(terms.get("total_items").asInt()).isEqualTo(BridgewayTaxonomy.Term.values().length);
    for (JsonNode item : terms.get("contents")) {
      assertThat(schemas.object("taxonomy_term", item)).isEmpty();
      assertThat(item.at("/taxonomy_detail/name").asString()).isEqualTo("Bridgeway");
    }
    assertThat(schemas.object("taxonomy_term", term)).isEmpty();
    assertThat(term.get("code").asString()).isEqualTo("gender");
  }

  @Test
  void termsFilterByParentAndTopLevel() throws Exception {
    UUID taxonomy = UUID.randomUUID();
    UUID parent = UUID.randomUUID();
    UUID child = UUID.randomUUID();
    data.write(
        List.of(
            DirectoryData.record(
                HsdsType.TAXONOMY, taxonomy, "name", "Needs " + word, "description", "Test"),
            DirectoryData.record(
                HsdsType.TAXONOMY_TERM,
                parent,
                "name",
                "Basic needs",
                "description",
                "Food and shelter",
                "code",
                "BN",
                "taxonomy_id",
                taxonomy.toString()),
            DirectoryData.record(
                HsdsType.TAXONOMY_TERM,
                child,
                "name",
                "Emergency shelter",
                "description",
                "A bed tonight",
                "code",
                "BN-1",
                "parent_id",
                parent.toString(),
                "taxonomy_id",
                taxonomy.toString())),
        NOW);

    assertThat(ids("/hsds/taxonomy_terms?taxonomy_id=" + taxonomy))
        .containsExactlyInAnyOrder(parent, child);
    assertThat(ids("/hsds/taxonomy_terms?top_only=true&taxonomy_id=" + taxonomy))
        .containsExactly(parent);
    assertThat(ids("/hsds/taxonomy_terms?parent_id=" + parent)).containsExactly(child);
    assertThat(ids("/hsds/taxonomy_terms?search=shelter&taxonomy_id=" + taxonomy))
        .containsExactlyInAnyOrder(parent, child);
    assertThat(ids("/hsds/taxonomy_terms?search=tonight&taxonomy_id=" + taxonomy))
        .containsExactly(child);
    assertThat(ids("/hsds/taxonomies?search=" + word)).containsExactly(taxonomy);
    assertProblem(get("/hsds/taxonomy_terms?parent_id=" + UUID.randomUUID()), 400, "parent_id");
  }

  // ---------------------------------------------------------------------------------------------
  // not found, public access, caching, CORS

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/hsds/services/",
        "/hsds/service_at_locations/",
        "/hsds/organizations/",
        "/hsds/taxonomies/",
        "/hsds/taxonomy_terms/"
      })
  void anUnknownOrMalformedIdIsNotFound(String prefix) throws Exception {
    Listing listing = data.listing("Wrong Type " + word, NOW, 45.5, -122.6, "97201");
    UUID wrongType = prefix.contains("location") ? listing.service() : listing.location();

    assertProblem(get(prefix + UUID.randomUUID()), 404, null);
    assertProblem(get(prefix + "not-a-uuid"), 404, null);
    assertProblem(get(prefix + "' OR 1=1"), 404, null);
    assertProblem(get(prefix + wrongType), 404, null);
  }

  @Test
  void anyoneMayReadWithoutSigningInAndNoSessionIsMade() throws Exception {
    Listing listing = data.listing("Public " + word, NOW, 45.5, -122.6, "97201");

    for (String url :
        List.of(
            "/hsds/",
            "/hsds/services?search=" + word,
            "/hsds/services/" + listing.service(),
            "/hsds/organizations/" + listing.organization(),
            "/hsds/services?format=ndjson&search=" + word)) {
      MvcResult result = mvc.perform(get(url)).andReturn();
      assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
      assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).as(url).isNull();
      assertThat(result.getRequest().getSession(false)).as(url).isNull();
      assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
          .as(url)
          .isEqualTo("public, max-age=60");
    }
  }

  @Test
  void responsesCarryAnEtagThatAnswersNotModified() throws Exception {
    Listing listing = data.listing("Cached " + word, NOW, 45.5, -122.6, "97201");
    String url = "/hsds/services/" + listing.service();

    MockHttpServletResponse first = mvc.perform(get(url)).andReturn().getResponse();
    String etag = first.getHeader(HttpHeaders.ETAG);
    MockHttpServletResponse again =
        mvc.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn().getResponse();
    capacities.report(listing.service(), 2, 0, null, "user:test", NOW, null);
    MockHttpServletResponse changed =
        mvc.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn().getResponse();

    assertThat(etag).startsWith("\"").endsWith("\"");
    assertThat(again.getStatus()).isEqualTo(304);
    assertThat(again.getContentAsByteArray()).isEmpty();
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(changed.getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
  }

  @Test
  void anyOriginMayReadTheApi() throws Exception {
    MockHttpServletResponse simple =
        mvc.perform(
                get("/hsds/services?per_page=1").header(HttpHeaders.ORIGIN, "https://a.example"))
            .andReturn()
            .getResponse();
    MockHttpServletResponse preflight =
        mvc.perform(
                options("/hsds/taxonomies")
                    .header(HttpHeaders.ORIGIN, "https://b.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
            .andReturn()
            .getResponse();
    MockHttpServletResponse elsewhere =
        mvc.perform(get("/login").header(HttpHeaders.ORIGIN, "https://a.example"))
            .andReturn()
            .getResponse();

    assertThat(simple.getStatus()).isEqualTo(200);
    assertThat(simple.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");
    assertThat(simple.getHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).contains("ETag");
    assertThat(preflight.getStatus()).isEqualTo(200);
    assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");
    assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).contains("GET");
    assertThat(elsewhere.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** The ids of an official example written with fresh ids, its names carrying the test's word. */
  private record Example(
      UUID organization, UUID service, UUID serviceAtLocation, UUID taxonomy, UUID term) {}

  private Example writeExample() throws IOException {
    ObjectNode service = (ObjectNode) DirectoryData.exampleWithFreshIds("service_full.json");
    service.put("name", "Community Counselling " + word);
    ((ObjectNode) service.get("organization")).put("name", "Example Organization " + word);
    ObjectNode term = (ObjectNode) service.at("/attributes/0/taxonomy_term");
    ((ObjectNode) term.get("taxonomy_detail")).put("name", "Example Taxonomy " + word);
    List<HsdsRecord> flat = data.writeNested(HsdsType.SERVICE, service, NOW);
    assertThat(flat).isNotEmpty();
    return new Example(
        UUID.fromString(service.at("/organization/id").asString()),
        UUID.fromString(service.get("id").asString()),
        UUID.fromString(service.at("/service_at_locations/0/id").asString()),
        UUID.fromString(term.at("/taxonomy_detail/id").asString()),
        UUID.fromString(term.get("id").asString()));
  }

  private static JsonNode reference() throws IOException {
    try (InputStream in =
        OpenReferralApiTests.class.getResourceAsStream("/hsds/schema/openapi.json")) {
      return JSON.readTree(in);
    }
  }

  private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus())
        .as(response.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(response.getContentType()).startsWith("application/json");
    return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
  }

  private List<UUID> ids(String url) throws Exception {
    List<UUID> ids = new ArrayList<>();
    json(get(url)).get("contents").forEach(c -> ids.add(UUID.fromString(c.get("id").asString())));
    return ids;
  }

  private void assertProblem(MockHttpServletRequestBuilder request, int status, String parameter)
      throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    if (parameter != null) {
      assertThat(problem.at("/errors/0/field").asString()).isEqualTo(parameter);
      assertThat(problem.get("detail").asString()).contains(parameter);
    }
  }

  private static void assertPage(JsonNode page) {
    assertThat(page.propertyNames())
        .containsExactly(
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents");
    assertThat(page.get("contents").isArray()).isTrue();
    assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
  }

  private static List<JsonNode> lines(MockHttpServletResponse response) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : response.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static Map<String, List<String>> bridgewayValues(JsonNode attributes) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (JsonNode attribute : attributes) {
      JsonNode term = attribute.get("taxonomy_term");
      if (term != null
          && BridgewayTaxonomy.TAXONOMY_ID
              .toString()
              .equals(term.at("/taxonomy_detail/id").asString())) {
        values
            .computeIfAbsent(term.get("code").asString(), c -> new ArrayList<>())
            .add(attribute.get("value").asString());
      }
    }
    return values;
  }
}
