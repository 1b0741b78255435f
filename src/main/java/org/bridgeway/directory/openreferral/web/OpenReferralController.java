package org.bridgeway.directory.openreferral.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.directory.openreferral.HsdsPageRequest;
import org.bridgeway.directory.openreferral.HsdsParameterException;
import org.bridgeway.directory.openreferral.OpenReferralApiDocument;
import org.bridgeway.directory.openreferral.OpenReferralCatalog;
import org.bridgeway.directory.openreferral.OrganizationShape;
import org.bridgeway.directory.openreferral.ServiceFilter;
import org.bridgeway.directory.openreferral.ServiceShape;
import org.bridgeway.directory.openreferral.TaxonomyTermFilter;
import org.bridgeway.directory.openreferral.web.HsdsParameters.Format;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public, read-only Open Referral HSDS 3.0 API: open to anyone, signed in or not, from any web
 * origin (it is open data), cacheable for a minute. Parameters are read as text by {@link
 * HsdsParameters} so that every bad value is a 400 naming the parameter; an id that is unknown or
 * not even a UUID is a 404.
 */
@RestController
@RequestMapping("/hsds")
@CrossOrigin(origins = "*", exposedHeaders = "ETag", maxAge = 3600)
class OpenReferralController {

  private final OpenReferralCatalog catalog;
  private final OpenReferralApiDocument document;

  OpenReferralController(OpenReferralCatalog catalog, OpenReferralApiDocument document) {
    this.catalog = catalog;
    this.document = document;
  }

  @GetMapping({"", "/"})
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> about() {
    ObjectNode about = JsonMapper.shared().createObjectNode();
    about.put("version", OpenReferralApiDocument.HSDS_VERSION);
    about.put("profile", OpenReferralApiDocument.PROFILE_URL);
    about.put("openapi_url", baseUrl() + "/openapi.json");
    return HsdsResponses.json(about);
  }

  @GetMapping("/openapi.json")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> openApi() {
    return HsdsResponses.json(document.forServer(baseUrl()));
  }

  @GetMapping("/services")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> services(
      @RequestParam(required = false) String search,
      @RequestParam(required = false) String page,
      @RequestParam(name = "per_page", required = false) String perPage,
      @RequestParam(required = false) String format,
      @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
      @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
      @RequestParam(name = "organization_id", required = false) String organizationId,
      @RequestParam(name = "modified_after", required = false) String modifiedAfter,
      @RequestParam(required = false) String minimal,
      @RequestParam(required = false) String full,
      @RequestParam(required = false) String postcode,
      @RequestParam(required = false) String proximity,
      HttpServletResponse response) {
    ServiceFilter filter =
        filter(
            search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode, proximity);
    ServiceShape shape = serviceShape(minimal, full);
    HsdsPageRequest paging = HsdsParameters.page(page, perPage);
    if (HsdsParameters.format(format) == Format.NDJSON) {
      HsdsResponses.ndjson(response, sink -> catalog.eachService(filter, shape, sink));
      return null;
    }
    return HsdsResponses.json(catalog.services(filter, shape, paging).toJson());
  }

  @GetMapping("/services/{id}")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> service(@PathVariable String id) {
    return HsdsResponses.json(found(id, "service", catalog::service));
  }

  @GetMapping("/service_at_locations")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> servicesAtLocations(
      @RequestParam(required = false) String search,
      @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
      @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
      @RequestParam(name = "organization_id", required = false) String organizationId,
      @RequestParam(name = "modified_after", required = false) String modifiedAfter,
      @RequestParam(required = false) String full,
      @RequestParam(required = false) String page,
      @RequestParam(name = "per_page", required = false) String perPage,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String postcode,
      @RequestParam(required = false) String proximity,
      HttpServletResponse response) {
    ServiceFilter filter =
        filter(
            search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode, proximity);
    boolean nested = HsdsParameters.bool("full", full);
    HsdsPageRequest paging = HsdsParameters.page(page, perPage);
    if (HsdsParameters.format(format) == Format.NDJSON) {
      HsdsResponses.ndjson(response, sink -> catalog.eachServiceAtLocation(filter, nested, sink));
      return null;
    }
    return HsdsResponses.json(catalog.servicesAtLocations(filter, nested, paging).toJson());
  }

  @GetMapping("/service_at_locations/{id}")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> serviceAtLocation(@PathVariable String id) {
    return HsdsResponses.json(found(id, "service_at_location", catalog::serviceAtLocation));
  }

  @GetMapping("/organizations")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> organizations(
      @RequestParam(required = false) String search,
      @RequestParam(name = "full_service", required = false) String fullService,
      @RequestParam(required = false) String full,
      @RequestParam(required = false) String page,
      @RequestParam(name = "per_page", required = false) String perPage,
      @RequestParam(required = false) String format,
      HttpServletResponse response) {
    List<String> words = HsdsParameters.words(search);
    boolean fullServices = HsdsParameters.bool("full_service", fullService);
    boolean nested = HsdsParameters.bool("full", full);
    // Full services only make sense inside fully nested organizations: asking for them nests.
    OrganizationShape shape =
        fullServices
            ? OrganizationShape.FULL_WITH_SERVICES
            : nested ? OrganizationShape.FULL : OrganizationShape.LIST;
    HsdsPageRequest paging = HsdsParameters.page(page, perPage);
    if (HsdsParameters.format(format) == Format.NDJSON) {
      HsdsResponses.ndjson(response, sink -> catalog.eachOrganization(words, shape, sink));
      return null;
    }
    return HsdsResponses.json(catalog.organizations(words, shape, paging).toJson());
  }

  @GetMapping("/organizations/{id}")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> organization(
      @PathVariable String id,
      @RequestParam(name = "full_service", required = false) String fullService) {
    boolean fullServices = HsdsParameters.bool("full_service", fullService);
    return HsdsResponses.json(
        found(id, "organization", uuid -> catalog.organization(uuid, fullServices)));
  }

  @GetMapping("/taxonomies")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> taxonomies(
      @RequestParam(required = false) String search,
      @RequestParam(required = false) String page,
      @RequestParam(name = "per_page", required = false) String perPage,
      @RequestParam(required = false) String format,
      HttpServletResponse response) {
    List<String> words = HsdsParameters.words(search);
    HsdsPageRequest paging = HsdsParameters.page(page, perPage);
    if (HsdsParameters.format(format) == Format.NDJSON) {
      HsdsResponses.ndjson(response, sink -> catalog.eachTaxonomy(words, sink));
      return null;
    }
    return HsdsResponses.json(catalog.taxonomies(words, paging).toJson());
  }

  @GetMapping("/taxonomies/{id}")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> taxonomy(@PathVariable String id) {
    return HsdsResponses.json(found(id, "taxonomy", catalog::taxonomy));
  }

  @GetMapping("/taxonomy_terms")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> taxonomyTerms(
      @RequestParam(required = false) String search,
      @RequestParam(required = false) String page,
      @RequestParam(name = "per_page", required = false) String perPage,
      @RequestParam(required = false) String format,
      @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
      @RequestParam(name = "top_only", required = false) String topOnly,
      @RequestParam(name = "parent_id", required = false) String parentId,
      HttpServletResponse response) {
    TaxonomyTermFilter filter =
        new TaxonomyTermFilter(
            HsdsParameters.words(search),
            HsdsParameters.uuid("taxonomy_id", taxonomyId),
            HsdsParameters.uuid("parent_id", parentId),
            HsdsParameters.bool("top_only", topOnly));
    HsdsPageRequest paging = HsdsParameters.page(page, perPage);
    if (HsdsParameters.format(format) == Format.NDJSON) {
      HsdsResponses.ndjson(response, sink -> catalog.eachTaxonomyTerm(filter, sink));
      return null;
    }
    return HsdsResponses.json(catalog.taxonomyTerms(filter, paging).toJson());
  }

  @GetMapping("/taxonomy_terms/{id}")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> taxonomyTerm(@PathVariable String id) {
    return HsdsResponses.json(found(id, "taxonomy term", catalog::taxonomyTerm));
  }

  private static ServiceFilter filter(
      String search,
      String taxonomyTermId,
      String taxonomyId,
      String organizationId,
      String modifiedAfter,
      String postcode,
      String proximity) {
    return new ServiceFilter(
        HsdsParameters.words(search),
        HsdsParameters.uuid("taxonomy_term_id", taxonomyTermId),
        HsdsParameters.uuid("taxonomy_id", taxonomyId),
        HsdsParameters.uuid("organization_id", organizationId),
        HsdsParameters.dateTime("modified_after", modifiedAfter),
        HsdsParameters.postcode(postcode),
        HsdsParameters.proximity(proximity));
  }

  private static ServiceShape serviceShape(String minimal, String full) {
    boolean isMinimal = HsdsParameters.bool("minimal", minimal);
    boolean isFull = HsdsParameters.bool("full", full);
    if (isMinimal && isFull) {
      throw new HsdsParameterException("minimal", "conflict", "cannot be combined with full=true");
    }
    return isMinimal ? ServiceShape.MINIMAL : isFull ? ServiceShape.FULL : ServiceShape.LIST;
  }

  private static ObjectNode found(
      String id, String what, Function<UUID, Optional<ObjectNode>> find) {
    UUID uuid = HsdsParameters.pathId(id);
    if (uuid == null) {
      throw new NotFoundException(what);
    }
    return find.apply(uuid).orElseThrow(() -> new NotFoundException(what));
  }

  /** The API's own base URL, as the client reached it. */
  private static String baseUrl() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/hsds").toUriString();
  }
}
