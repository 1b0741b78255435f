package org.bridgeway.consent.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.DiscloserClass;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.consent.directive.RevocationMethod;
import org.bridgeway.consent.directive.Signature;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;

/** Builds directives for the engine's unit tests, as stored, without the database. */
final class DirectiveBuilder {

  DirectiveKind kind = DirectiveKind.GENERAL;
  PersonId person;
  OrganizationId agency = OrganizationId.random();
  DiscloserClass discloserClass;
  Set<OrganizationId> disclosers = Set.of();
  boolean allCategories;
  Set<InformationCategory> categories = EnumSet.of(InformationCategory.ATTENDANCE);
  RecipientClass recipientClass;
  Set<OrganizationId> recipientOrganizations = Set.of();
  Set<UserId> recipientUsers = Set.of();
  Set<DisclosurePurpose> purposes = EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING);
  LocalDate expiresOn;
  ExpiryEvent expiryEvent = ExpiryEvent.END_OF_SUPERVISION;
  LocalDate irrevocableUntil;
  ExpiryEvent irrevocableUntilEvent;
  LocalDate signedOn = LocalDate.of(2026, 1, 10);
  Instant recordedAt = Instant.parse("2026-01-10T15:00:00Z");
  Instant revokedAt;
  Instant supersededAt;
  ConsentDirectiveId id = ConsentDirectiveId.random();

  DirectiveBuilder(PersonId person) {
    this.person = person;
  }

  ConsentDirective build() {
    DirectiveTerms terms =
        new DirectiveTerms(
            kind,
            discloserClass,
            disclosers,
            allCategories,
            categories,
            recipientClass,
            recipientOrganizations,
            recipientUsers,
            purposes,
            expiresOn,
            expiryEvent,
            irrevocableUntil,
            irrevocableUntilEvent,
            "Tell your officer or the program, in person or in writing.");
    return new ConsentDirective(
        id,
        person,
        agency,
        terms,
        new Signature(signedOn, SignatureMethod.PAPER, null, null, FormLanguage.EN),
        null,
        "user:test",
        recordedAt,
        revokedAt,
        revokedAt == null ? null : "user:test",
        revokedAt == null ? null : RevocationMethod.IN_WRITING,
        supersededAt == null ? null : ConsentDirectiveId.random(),
        supersededAt,
        0);
  }
}
