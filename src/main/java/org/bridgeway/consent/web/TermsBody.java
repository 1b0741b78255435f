package org.bridgeway.consent.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.DiscloserClass;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;

/** The terms of a directive or template as the API reads and writes them. */
record TermsBody(
    DirectiveKind kind,
    DiscloserClass discloserClass,
    @Size(max = 50) List<UUID> disclosers,
    Boolean allCategories,
    @Size(max = 20) List<InformationCategory> categories,
    RecipientClass recipientClass,
    @Size(max = 50) List<UUID> recipientOrganizations,
    @Size(max = 50) List<UUID> recipientUsers,
    @Size(max = 20) List<DisclosurePurpose> purposes,
    LocalDate expiresOn,
    ExpiryEvent expiryEvent,
    LocalDate irrevocableUntil,
    ExpiryEvent irrevocableUntilEvent,
    @Size(max = DirectiveTerms.MAX_TEXT) String revocationInstructions) {

  DirectiveTerms toTerms() {
    return new DirectiveTerms(
        kind,
        discloserClass,
        ids(disclosers, OrganizationId::new),
        Boolean.TRUE.equals(allCategories),
        categories == null
            ? Set.of()
            : Set.copyOf(categories.stream().filter(Objects::nonNull).toList()),
        recipientClass,
        ids(recipientOrganizations, OrganizationId::new),
        ids(recipientUsers, UserId::new),
        purposes == null
            ? Set.of()
            : Set.copyOf(purposes.stream().filter(Objects::nonNull).toList()),
        expiresOn,
        expiryEvent,
        irrevocableUntil,
        irrevocableUntilEvent,
        revocationInstructions);
  }

  static TermsBody of(DirectiveTerms terms) {
    return new TermsBody(
        terms.kind(),
        terms.discloserClass(),
        terms.disclosers().stream().map(OrganizationId::value).sorted().toList(),
        terms.allCategories(),
        terms.categories().stream().sorted().toList(),
        terms.recipientClass(),
        terms.recipientOrganizations().stream().map(OrganizationId::value).sorted().toList(),
        terms.recipientUsers().stream().map(UserId::value).sorted().toList(),
        terms.purposes().stream().sorted().toList(),
        terms.expiresOn(),
        terms.expiryEvent(),
        terms.irrevocableUntil(),
        terms.irrevocableUntilEvent(),
        terms.revocationInstructions());
  }

  private static <T> Set<T> ids(List<UUID> ids, java.util.function.Function<UUID, T> wrap) {
    return ids == null
        ? Set.of()
        : ids.stream().filter(Objects::nonNull).map(wrap).collect(Collectors.toSet());
  }
}
