package org.bridgeway.consent.directive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * A person's consent directive: the terms ({@link DirectiveTerms}), the signature, and what has
 * happened to it since (revocation, amendment by a newer directive). Terms and signature never
 * change once recorded; a change of terms is a new directive that supersedes this one.
 */
public class ConsentDirective {

  private final ConsentDirectiveId id;
  private final PersonId person;
  private final OrganizationId organization;
  private final DirectiveTerms terms;
  private final Signature signature;
  private final TemplateId template;
  private final String recordedBy;
  private final Instant recordedAt;
  private Instant revokedAt;
  private String revokedBy;
  private RevocationMethod revocationMethod;
  private ConsentDirectiveId supersededBy;
  private Instant supersededAt;
  private final long version;

  /** Rebuilds a directive as stored. */
  public ConsentDirective(
      ConsentDirectiveId id,
      PersonId person,
      OrganizationId organization,
      DirectiveTerms terms,
      Signature signature,
      TemplateId template,
      String recordedBy,
      Instant recordedAt,
      Instant revokedAt,
      String revokedBy,
      RevocationMethod revocationMethod,
      ConsentDirectiveId supersededBy,
      Instant supersededAt,
      long version) {
    this.id = Objects.requireNonNull(id);
    this.person = Objects.requireNonNull(person);
    this.organization = Objects.requireNonNull(organization);
    this.terms = Objects.requireNonNull(terms);
    this.signature = Objects.requireNonNull(signature);
    this.template = template;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.revokedAt = revokedAt;
    this.revokedBy = revokedBy;
    this.revocationMethod = revocationMethod;
    this.supersededBy = supersededBy;
    this.supersededAt = supersededAt;
    this.version = version;
  }

  /**
   * Records a signed directive. The caller has checked the terms, the signature and the names in
   * them ({@link DirectiveTerms#problems()}, {@code ConsentDirectiveRecords}).
   */
  public static ConsentDirective record(
      ConsentDirectiveId id,
      PersonId person,
      OrganizationId agency,
      DirectiveTerms terms,
      Signature signature,
      TemplateId template,
      String by,
      Instant at) {
    if (!terms.problems().isEmpty()) {
      throw new IllegalArgumentException("Incomplete directive terms: " + terms.problems());
    }
    return new ConsentDirective(
        id, person, agency, terms, signature, template, by, at, null, null, null, null, null, 0);
  }

  /**
   * Revokes the directive from {@code at}.
   *
   * @param supervisionEndedOn when the person's supervision ended, for a consent irrevocable until
   *     then
   * @throws IllegalStateException if it is already revoked, superseded, or irrevocable today
   */
  public void revoke(
      RevocationMethod method,
      String by,
      Instant at,
      LocalDate today,
      Optional<LocalDate> supervisionEndedOn) {
    if (revokedAt != null) {
      throw new IllegalStateException("The directive is already revoked");
    }
    if (supersededBy != null) {
      throw new IllegalStateException("The directive was amended; revoke the amendment");
    }
    if (irrevocableOn(today, supervisionEndedOn)) {
      throw new IllegalStateException("The directive is irrevocable until its stated end");
    }
    this.revocationMethod = Objects.requireNonNull(method, "method");
    this.revokedBy = Objects.requireNonNull(by);
    this.revokedAt = Objects.requireNonNull(at);
  }

  /** Whether a criminal-justice consent cannot be revoked on the given day. */
  public boolean irrevocableOn(LocalDate today, Optional<LocalDate> supervisionEndedOn) {
    if (!terms.irrevocable()) {
      return false;
    }
    boolean dateHolds =
        terms.irrevocableUntil() != null && today.isBefore(terms.irrevocableUntil());
    boolean eventHolds =
        terms.irrevocableUntilEvent() != null
            && supervisionEndedOn.map(ended -> today.isBefore(ended)).orElse(true);
    if (terms.irrevocableUntil() != null && terms.irrevocableUntilEvent() != null) {
      // Irrevocable until whichever comes first.
      return dateHolds && eventHolds;
    }
    return dateHolds || eventHolds;
  }

  /**
   * Marks the directive amended by a newer one, which permits from {@code at} instead.
   *
   * @throws IllegalStateException if it is revoked or already superseded
   */
  public void supersede(ConsentDirectiveId by, Instant at) {
    if (revokedAt != null) {
      throw new IllegalStateException("A revoked directive cannot be amended");
    }
    if (supersededBy != null) {
      throw new IllegalStateException("The directive was already amended");
    }
    this.supersededBy = Objects.requireNonNull(by);
    this.supersededAt = Objects.requireNonNull(at);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  public boolean superseded() {
    return supersededBy != null;
  }

  public ConsentDirectiveId id() {
    return id;
  }

  public PersonId person() {
    return person;
  }

  public OrganizationId organization() {
    return organization;
  }

  public DirectiveTerms terms() {
    return terms;
  }

  public Signature signature() {
    return signature;
  }

  public TemplateId template() {
    return template;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String revokedBy() {
    return revokedBy;
  }

  public RevocationMethod revocationMethod() {
    return revocationMethod;
  }

  public ConsentDirectiveId supersededBy() {
    return supersededBy;
  }

  public Instant supersededAt() {
    return supersededAt;
  }

  public long version() {
    return version;
  }
}
