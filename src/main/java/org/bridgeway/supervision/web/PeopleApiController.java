package org.bridgeway.supervision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.shared.web.PageResponse;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.person.PersonSearchResult;
import org.bridgeway.supervision.person.PersonSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * People on supervision over the API. A person the caller does not see (another agency's, or not on
 * the caller's caseload) answers 404 like a missing one. Entering a person who looks like one the
 * agency already has answers 409 with the candidates, unless {@code createAnyway} is set.
 */
@RestController
@RequestMapping("/api/v1/supervision/people")
class PeopleApiController {

  /** A person as a search lists them. */
  record PersonListItem(UUID id, PersonName name, LocalDate dateOfBirth) {
    static PersonListItem of(PersonSummary summary) {
      return new PersonListItem(summary.id().value(), summary.name(), summary.dateOfBirth());
    }
  }

  private final PersonRecords people;
  private final CaseRecords cases;

  PeopleApiController(PersonRecords people, CaseRecords cases) {
    this.people = people;
    this.cases = cases;
  }

  @PostMapping
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<PersonView> enter(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody PersonRequest request) {
    Person person =
        people.enter(principal, request.toDetails(), Boolean.TRUE.equals(request.createAnyway()));
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{id}")
            .buildAndExpand(person.id())
            .toUri();
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(location)
        .body(PersonView.of(person, List.of()));
  }

  /** The people the caller sees, by family name; {@code q} matches names and identifiers. */
  @GetMapping
  @PreAuthorize(SupervisionRoles.STAFF)
  PageResponse<PersonListItem> search(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "q", required = false) @Size(max = 100) String q,
      @Valid @ModelAttribute PageQuery page) {
    PersonSearchResult found = people.search(principal, q, page.offset(), page.size());
    return PageResponse.of(found.people(), page, found.total()).map(PersonListItem::of);
  }

  @GetMapping("/{id}")
  @PreAuthorize(SupervisionRoles.STAFF)
  PersonView person(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    PersonId person = new PersonId(id);
    return PersonView.of(people.read(principal, person), cases.casesOf(principal, person));
  }

  @PutMapping("/{id}")
  @PreAuthorize(SupervisionRoles.STAFF)
  PersonView update(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody PersonRequest request) {
    if (request.version() == null) {
      throw SupervisionInputRejected.of("version", "Required", "is required");
    }
    PersonId person = new PersonId(id);
    Person revised = people.revise(principal, person, request.toDetails(), request.version());
    return PersonView.of(revised, cases.casesOf(principal, person));
  }
}
