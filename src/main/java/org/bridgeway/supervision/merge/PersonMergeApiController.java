package org.bridgeway.supervision.merge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.DuplicateCandidate.MatchReason;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonName;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewed merge over the API: {@code POST /api/v1/supervision/people/{id}/merge} merges the
 * record {@code otherId} into the record {@code id} (the survivor), with the reason and the
 * versions of both records the reviewer read; {@code GET /api/v1/supervision/duplicates} lists the
 * likely duplicates among the agency's records. For supervisors and administrators of the agency.
 */
@RestController
class PersonMergeApiController {

  static final String REVIEWERS = "hasAnyRole('SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /**
   * @param version the survivor's version the reviewer read
   * @param otherVersion the other record's version the reviewer read
   */
  record MergeRequest(
      @NotNull UUID otherId,
      @NotBlank @Size(max = 1000) String reason,
      @NotNull @Min(0) Long version,
      @NotNull @Min(0) Long otherVersion) {}

  record MergeView(UUID survivorId, long survivorVersion, UUID mergedId, int casesMoved) {}

  record PersonItem(UUID id, long version, PersonName name, LocalDate dateOfBirth) {
    static PersonItem of(Person person) {
      return new PersonItem(
          person.id().value(), person.version(), person.name(), person.dateOfBirth());
    }
  }

  record PairView(PersonItem first, PersonItem second, double score, Set<MatchReason> reasons) {}

  private final PersonMerges merges;

  PersonMergeApiController(PersonMerges merges) {
    this.merges = merges;
  }

  @PostMapping("/api/v1/supervision/people/{id}/merge")
  @PreAuthorize(REVIEWERS)
  MergeView merge(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody MergeRequest request) {
    PersonMerges.Merged merged =
        merges.merge(
            principal,
            new PersonId(id),
            new PersonId(request.otherId()),
            request.reason(),
            request.version(),
            request.otherVersion());
    return new MergeView(
        merged.survivor().id().value(),
        merged.survivor().version(),
        merged.merged().value(),
        merged.casesMoved());
  }

  @GetMapping("/api/v1/supervision/duplicates")
  @PreAuthorize(REVIEWERS)
  List<PairView> duplicates(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return merges.likelyDuplicates(principal).stream()
        .map(
            pair ->
                new PairView(
                    PersonItem.of(pair.first()),
                    PersonItem.of(pair.second()),
                    pair.match().match().score(),
                    pair.match().match().reasons()))
        .toList();
  }
}
