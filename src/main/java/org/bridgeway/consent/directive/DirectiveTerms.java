package org.bridgeway.consent.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.FieldViolation;

/**
 * What a directive allows: who may disclose, what information, to whom, for which purposes, until
 * when, and how it can be revoked (§2.31(a)(2)-(7)). Templates keep the same terms.
 *
 * @param discloserClass a class of disclosers, or null when only named ones are
 * @param disclosers named disclosing organizations
 * @param allCategories whether the directive covers all of the person's records
 * @param categories the categories covered (every one when {@code allCategories})
 * @param recipientClass a class of recipients, or null when only named ones are
 * @param recipientOrganizations named recipient organizations (all their staff)
 * @param recipientUsers named recipient users
 * @param expiresOn the first day the directive no longer permits anything (exclusive), or null
 * @param expiryEvent the event that ends the directive, or null
 * @param irrevocableUntil criminal-justice consents: revocation is refused before this day
 * @param irrevocableUntilEvent criminal-justice consents: revocation is refused before this event
 * @param revocationInstructions how the person can revoke, as the form says it
 */
public record DirectiveTerms(
    DirectiveKind kind,
    DiscloserClass discloserClass,
    Set<OrganizationId> disclosers,
    boolean allCategories,
    Set<InformationCategory> categories,
    RecipientClass recipientClass,
    Set<OrganizationId> recipientOrganizations,
    Set<UserId> recipientUsers,
    Set<DisclosurePurpose> purposes,
    LocalDate expiresOn,
    ExpiryEvent expiryEvent,
    LocalDate irrevocableUntil,
    ExpiryEvent irrevocableUntilEvent,
    String revocationInstructions) {

  public static final int MAX_TEXT = 1000;

  public DirectiveTerms {
    disclosers = disclosers == null ? Set.of() : Set.copyOf(disclosers);
    categories =
        allCategories
            ? Set.copyOf(EnumSet.allOf(InformationCategory.class))
            : categories == null ? Set.of() : Set.copyOf(categories);
    recipientOrganizations =
        recipientOrganizations == null ? Set.of() : Set.copyOf(recipientOrganizations);
    recipientUsers = recipientUsers == null ? Set.of() : Set.copyOf(recipientUsers);
    purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    revocationInstructions =
        revocationInstructions == null || revocationInstructions.isBlank()
            ? null
            : revocationInstructions.strip();
  }

  public boolean irrevocable() {
    return irrevocableUntil != null || irrevocableUntilEvent != null;
  }

  /**
   * The rules the terms keep on their own, one violation per field at fault: every §2.31 element
   * present, and a criminal-justice consent kept to the monitoring class.
   */
  public List<FieldViolation> problems() {
    List<FieldViolation> problems = new ArrayList<>();
    if (kind == null) {
      problems.add(new FieldViolation("kind", "NotNull", "is required"));
    }
    if (discloserClass == null && disclosers.isEmpty()) {
      problems.add(
          new FieldViolation(
              "disclosers", "Required", "name at least one discloser or a class of disclosers"));
    }
    if (!allCategories && categories.isEmpty()) {
      problems.add(
          new FieldViolation(
              "categories", "Required", "name at least one category of information, or all"));
    }
    if (recipientClass == null && recipientOrganizations.isEmpty() && recipientUsers.isEmpty()) {
      problems.add(
          new FieldViolation(
              "recipients", "Required", "name at least one recipient or a class of recipients"));
    }
    if (purposes.isEmpty()) {
      problems.add(new FieldViolation("purposes", "Required", "name at least one purpose"));
    }
    if (expiresOn == null && expiryEvent == null) {
      problems.add(
          new FieldViolation("expiresOn", "Required", "give an expiry date, an event or both"));
    }
    if (revocationInstructions == null) {
      problems.add(
          new FieldViolation(
              "revocationInstructions", "NotBlank", "say how the person can revoke the consent"));
    } else if (revocationInstructions.length() > MAX_TEXT) {
      problems.add(
          new FieldViolation(
              "revocationInstructions", "Size", "has at most " + MAX_TEXT + " characters"));
    }
    if (kind == DirectiveKind.CRIMINAL_JUSTICE) {
      if (recipientClass != null && recipientClass != RecipientClass.MONITORING) {
        problems.add(
            new FieldViolation(
                "recipientClass",
                "OutsideMonitoring",
                "a criminal-justice consent is limited to those who monitor the person"));
      }
      if (irrevocableUntilEvent != null
          && irrevocableUntilEvent != ExpiryEvent.END_OF_SUPERVISION) {
        problems.add(
            new FieldViolation(
                "irrevocableUntilEvent",
                "Unsupported",
                "a consent can be irrevocable until the end of supervision only"));
      }
    } else if (irrevocable()) {
      problems.add(
          new FieldViolation(
              irrevocableUntil != null ? "irrevocableUntil" : "irrevocableUntilEvent",
              "RevocableConsent",
              "only a criminal-justice consent can be irrevocable"));
    }
    if (recipientClass == RecipientClass.TREATMENT_PAYMENT_OPERATIONS) {
      Set<DisclosurePurpose> allowed =
          EnumSet.of(
              DisclosurePurpose.TREATMENT,
              DisclosurePurpose.PAYMENT,
              DisclosurePurpose.HEALTH_CARE_OPERATIONS,
              DisclosurePurpose.CARE_COORDINATION);
      if (!allowed.containsAll(purposes)) {
        problems.add(
            new FieldViolation(
                "purposes",
                "OutsideTreatmentPaymentOperations",
                "the treatment, payment and operations class allows only those purposes"));
      }
    }
    if (irrevocableUntil != null && expiresOn != null && irrevocableUntil.isAfter(expiresOn)) {
      problems.add(
          new FieldViolation(
              "irrevocableUntil", "AfterExpiry", "must not be after the expiry date"));
    }
    return problems;
  }

  /** These terms with each field the other terms give replacing this one's. */
  public DirectiveTerms overlaidWith(DirectiveTerms given) {
    return new DirectiveTerms(
        given.kind != null ? given.kind : kind,
        given.discloserClass != null ? given.discloserClass : discloserClass,
        given.disclosers.isEmpty() ? disclosers : given.disclosers,
        given.allCategories || (!given.categories.isEmpty() ? false : allCategories),
        given.categories.isEmpty() ? categories : given.categories,
        given.recipientClass != null ? given.recipientClass : recipientClass,
        given.recipientOrganizations.isEmpty()
            ? recipientOrganizations
            : given.recipientOrganizations,
        given.recipientUsers.isEmpty() ? recipientUsers : given.recipientUsers,
        given.purposes.isEmpty() ? purposes : given.purposes,
        given.expiresOn != null ? given.expiresOn : expiresOn,
        given.expiryEvent != null ? given.expiryEvent : expiryEvent,
        given.irrevocableUntil != null ? given.irrevocableUntil : irrevocableUntil,
        given.irrevocableUntilEvent != null ? given.irrevocableUntilEvent : irrevocableUntilEvent,
        given.revocationInstructions != null
            ? given.revocationInstructions
            : revocationInstructions);
  }
}
