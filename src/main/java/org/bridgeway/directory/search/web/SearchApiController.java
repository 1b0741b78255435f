package org.bridgeway.directory.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearch;
import org.bridgeway.directory.DirectorySearchException;
import org.bridgeway.directory.DirectorySearchFacets;
import org.bridgeway.directory.DirectorySearchHit;
import org.bridgeway.directory.DirectorySearchResult;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory search for staff systems: the same search, filters and ranking as the staff page,
 * as JSON. Bad filters are answered 400 with a problem naming each parameter at fault.
 */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Directory search")
class SearchApiController {

  private final DirectorySearch search;
  private final SearchTexts texts;

  SearchApiController(DirectorySearch search, SearchTexts texts) {
    this.search = search;
    this.texts = texts;
  }

  @GetMapping("/search")
  @PreAuthorize("isAuthenticated()")
  @Operation(
      summary = "Search the directory",
      description =
          "Active services matching every filter given, ranked (text, then proximity, then"
              + " capacity), one hit per service at its best location, with the reasons it"
              + " matched and facet counts. Pages count from 0.")
  SearchResponse search(DirectorySearchForm form, Locale locale) {
    DirectorySearchForm.Parsed parsed = form.parse(DirectorySearchForm.Channel.API);
    if (!parsed.valid()) {
      throw new DirectorySearchException(parsed.violations());
    }
    DirectorySearchResult result = search.search(parsed.query());
    return new SearchResponse(
        result.hits().stream().map(hit -> Hit.of(hit, texts, locale)).toList(),
        result.page(),
        result.size(),
        result.totalHits(),
        result.totalPages(),
        result.words(),
        result.corrections(),
        result.origin(),
        result.facets());
  }

  /** A search that cannot run: 400, each violation naming the parameter. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalid(DirectorySearchException rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty("errors", rejected.violations());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * A page of results.
   *
   * @param words the words searched for, after spelling correction
   * @param corrections words not found in the directory and what was searched for instead
   * @param origin where distances were measured from (a ZIP code or address is placed at the center
   *     of its ZIP code)
   */
  record SearchResponse(
      List<Hit> items,
      int page,
      int size,
      long totalItems,
      int totalPages,
      List<String> words,
      List<DirectorySearchResult.Correction> corrections,
      DirectorySearchResult.Origin origin,
      DirectorySearchFacets facets) {}

  /**
   * One service found.
   *
   * @param distanceMiles from the origin; absent without one or for a service without coordinates
   * @param otherLocations how many more of its locations match
   * @param openNow whether its schedules say it is open now; absent when unknown
   */
  record Hit(
      UUID serviceId,
      String serviceName,
      String alternateName,
      UUID organizationId,
      String organizationName,
      UUID locationId,
      String locationName,
      String address,
      String city,
      String stateProvince,
      String postalCode,
      boolean remote,
      Double distanceMiles,
      int otherLocations,
      String description,
      Set<NeedDomain> needDomains,
      CostKind costKind,
      List<String> languages,
      List<String> taxonomyTerms,
      DirectorySearchHit.Capacity capacity,
      Boolean openNow,
      double score,
      List<Reason> reasons) {

    static Hit of(DirectorySearchHit hit, SearchTexts texts, Locale locale) {
      return new Hit(
          hit.serviceId(),
          hit.serviceName(),
          hit.alternateName(),
          hit.organizationId(),
          hit.organizationName(),
          hit.locationId(),
          hit.locationName(),
          hit.address(),
          hit.city(),
          hit.stateProvince(),
          hit.postalCode(),
          hit.remote(),
          hit.distanceMiles() == null ? null : Math.round(hit.distanceMiles() * 100) / 100.0,
          hit.otherLocations(),
          hit.description(),
          hit.needDomains(),
          hit.costKind(),
          hit.languages(),
          hit.taxonomyTerms(),
          hit.capacity(),
          hit.openNow(),
          Math.round(hit.score() * 10_000) / 10_000.0,
          hit.reasons().stream()
              .map(r -> new Reason(r.code(), r.values(), texts.reason(r, locale)))
              .toList());
    }
  }

  /** Why a service was found: a code, its values and the same in words. */
  record Reason(String code, List<String> values, String message) {}
}
