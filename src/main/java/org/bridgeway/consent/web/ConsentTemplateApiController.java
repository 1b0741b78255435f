package org.bridgeway.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.bridgeway.consent.directive.ConsentTemplates;
import org.bridgeway.consent.directive.TemplateId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An agency's consent templates: read by its staff, kept by its administrators. */
@RestController
class ConsentTemplateApiController {

  private static final String BASE = "/api/v1/consent/templates";

  record TemplateRequest(
      @Size(max = 200) String name, @NotNull @Valid TermsBody terms, @Min(0) Long version) {}

  record TemplateView(UUID id, UUID organizationId, String name, TermsBody terms, long version) {

    static TemplateView of(ConsentTemplates.Template t) {
      return new TemplateView(
          t.id().value(), t.organization().value(), t.name(), TermsBody.of(t.terms()), t.version());
    }
  }

  private final ConsentTemplates templates;

  ConsentTemplateApiController(ConsentTemplates templates) {
    this.templates = templates;
  }

  @GetMapping(BASE)
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  List<TemplateView> list(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return templates.templatesOf(principal).stream().map(TemplateView::of).toList();
  }

  @GetMapping(BASE + "/{id}")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  TemplateView read(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return TemplateView.of(templates.template(principal, new TemplateId(id)));
  }

  @PostMapping(BASE)
  @PreAuthorize(ConsentRoles.ADMINISTRATORS)
  ResponseEntity<TemplateView> create(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody TemplateRequest request) {
    ConsentTemplates.Template created =
        templates.create(principal, request.name(), request.terms().toTerms());
    return ResponseEntity.created(
            ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(BASE + "/{id}")
                .buildAndExpand(created.id())
                .toUri())
        .body(TemplateView.of(created));
  }

  @PutMapping(BASE + "/{id}")
  @PreAuthorize(ConsentRoles.ADMINISTRATORS)
  TemplateView update(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody TemplateRequest request) {
    if (request.version() == null) {
      throw org.bridgeway.consent.ConsentInputRejected.of("version", "NotNull", "is required");
    }
    return TemplateView.of(
        templates.update(
            principal,
            new TemplateId(id),
            request.name(),
            request.terms().toTerms(),
            request.version()));
  }

  @DeleteMapping(BASE + "/{id}")
  @PreAuthorize(ConsentRoles.ADMINISTRATORS)
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    templates.delete(principal, new TemplateId(id));
    return ResponseEntity.noContent().build();
  }
}
