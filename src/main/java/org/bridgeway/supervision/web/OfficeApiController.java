package org.bridgeway.supervision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.office.Office;
import org.bridgeway.supervision.office.OfficeDetails;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The offices of the caller's agency (ADR 0013): staff read them; its administrators open and
 * correct them, set whether they are active, and set each officer's home office.
 */
@RestController
class OfficeApiController {

  record OfficeRequest(
      @Size(max = 120) String name,
      @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @Size(max = 100) String city,
      @Size(max = 2) String state,
      @Size(max = 10) String postalCode,
      @Size(max = 30) String phone,
      Boolean active,
      @Min(0) Long version) {

    OfficeDetails details() {
      return new OfficeDetails(name, line1, line2, city, state, postalCode, phone);
    }
  }

  record OfficeView(
      UUID id,
      long version,
      String name,
      String line1,
      String line2,
      String city,
      String state,
      String postalCode,
      String phone,
      boolean active,
      boolean main) {

    static OfficeView of(Office office) {
      OfficeDetails d = office.details();
      return new OfficeView(
          office.id().value(),
          office.version(),
          d.name(),
          d.line1(),
          d.line2(),
          d.city(),
          d.state(),
          d.postalCode(),
          d.phone(),
          office.active(),
          office.main());
    }
  }

  record HomeOfficeRequest(@NotNull UUID officeId) {}

  record HomeOffice(UUID officerId, UUID officeId) {}

  private final OfficeRecords offices;

  OfficeApiController(OfficeRecords offices) {
    this.offices = offices;
  }

  @GetMapping("/api/v1/supervision/offices")
  @PreAuthorize(SupervisionRoles.STAFF)
  List<OfficeView> list(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return offices.officesOf(principal).stream().map(OfficeView::of).toList();
  }

  @PostMapping("/api/v1/supervision/offices")
  @PreAuthorize(SupervisionRoles.ADMINISTRATORS)
  ResponseEntity<OfficeView> open(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody OfficeRequest request) {
    Office office = offices.open(principal, request.details());
    return ResponseEntity.created(URI.create("/api/v1/supervision/offices/" + office.id()))
        .body(OfficeView.of(office));
  }

  @GetMapping("/api/v1/supervision/offices/{id}")
  @PreAuthorize(SupervisionRoles.STAFF)
  OfficeView read(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return OfficeView.of(offices.read(principal, new OfficeId(id)));
  }

  @PutMapping("/api/v1/supervision/offices/{id}")
  @PreAuthorize(SupervisionRoles.ADMINISTRATORS)
  OfficeView revise(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody OfficeRequest request) {
    if (request.version() == null) {
      throw org.bridgeway.supervision.SupervisionInputRejected.of(
          "version", "NotNull", "must not be null");
    }
    return OfficeView.of(
        offices.revise(
            principal,
            new OfficeId(id),
            request.details(),
            !Boolean.FALSE.equals(request.active()),
            request.version()));
  }

  @PutMapping("/api/v1/supervision/officers/{id}/office")
  @PreAuthorize(SupervisionRoles.ADMINISTRATORS)
  HomeOffice assign(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody HomeOfficeRequest request) {
    offices.assign(principal, new UserId(id), new OfficeId(request.officeId()));
    return new HomeOffice(id, request.officeId());
  }
}
