package org.bridgeway.outcomes.event.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.event.EventImportReport;
import org.bridgeway.outcomes.event.OutcomeEventImports;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports of outcome events over the API, for the caller's agency: a CSV file ({@code text/csv}) or
 * the same rows as JSON ({@code {"events": [{"source_ref": ..., "kind": ...}]}}). The answer is the
 * report (added, changed, unchanged); a file with any error writes nothing and answers 400 with
 * every error by row and column (413 when larger than 20 MB or 200,000 rows).
 */
@RestController
@RequestMapping(OutcomeEventImportApiController.BASE)
class OutcomeEventImportApiController {

  static final String BASE = "/api/v1/outcomes/event-imports";

  /** Who imports an agency's outcome data: its analysts and supervisors. */
  static final String IMPORTERS = "hasAnyRole('ANALYST','SUPERVISOR')";

  /** One row, with the CSV's column names. */
  record Row(
      @JsonProperty("source_ref") String sourceRef,
      @JsonProperty("person_id") String personId,
      @JsonProperty("agency_person_number") String agencyPersonNumber,
      @JsonProperty("family_name") String familyName,
      @JsonProperty("given_name") String givenName,
      @JsonProperty("date_of_birth") String dateOfBirth,
      @JsonProperty("kind") String kind,
      @JsonProperty("occurred_on") String occurredOn,
      @JsonProperty("offense_category") String offenseCategory,
      @JsonProperty("housing_status") String housingStatus,
      @JsonProperty("detail") String detail) {

    OutcomeEventImports.EventRow toRow() {
      return new OutcomeEventImports.EventRow(
          sourceRef,
          personId,
          agencyPersonNumber,
          familyName,
          givenName,
          dateOfBirth,
          kind,
          occurredOn,
          offenseCategory,
          housingStatus,
          detail);
    }
  }

  record JsonImport(List<Row> events) {}

  private final OutcomeEventImports imports;
  private final ImportAccess access;

  OutcomeEventImportApiController(OutcomeEventImports imports, ImportAccess access) {
    this.imports = imports;
    this.access = access;
  }

  @PostMapping(consumes = "text/csv")
  @ApiBodyLimit("20MB")
  @PreAuthorize(IMPORTERS)
  EventImportReport importCsv(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestBody(required = false) byte[] body) {
    access.requireAgency(principal);
    return imports.importCsv(principal, body == null ? new byte[0] : body);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ApiBodyLimit("20MB")
  @PreAuthorize(IMPORTERS)
  EventImportReport importJson(
      @AuthenticationPrincipal BridgewayPrincipal principal, @RequestBody JsonImport body) {
    access.requireAgency(principal);
    List<OutcomeEventImports.EventRow> rows =
        body.events() == null
            ? List.of()
            : body.events().stream().map(row -> row == null ? null : row.toRow()).toList();
    return imports.importJson(principal, rows);
  }
}
