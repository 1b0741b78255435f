package org.bridgeway.consent.directive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.ConsentInputRejected;
import org.bridgeway.consent.program.NetworkOrganizations;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording, reading, revoking and amending a person's consent directives. The supervising agency's
 * staff who see the person (the caseload rule of ADR 0009) do all of it; for anyone else the person
 * and their directives do not exist (404). Every read and change is audited with ids and codes in
 * the same transaction; a rejected request writes nothing.
 */
@Service
public class ConsentDirectiveRecords {

  static final String RECORD_TYPE = "consent-directive";
  static final Set<String> SCAN_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");
  public static final int MAX_NAME = 200;

  /**
   * A directive to record: the terms (fields left empty come from the template, if one is given)
   * and how the person signed.
   *
   * @param template the agency's template the directive starts from, or null
   * @param attested for an electronic signature: the recording staff member attests that the person
   *     was present and typed their name
   * @param scan for a paper signature: the scanned form
   */
  public record NewDirective(
      DirectiveTerms terms,
      TemplateId template,
      LocalDate signedOn,
      SignatureMethod signatureMethod,
      String typedName,
      boolean attested,
      Directives.Scan scan,
      FormLanguage language) {}

  private final Directives directives;
  private final ConsentTemplates templates;
  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxScanBytes;

  ConsentDirectiveRecords(
      Directives directives,
      ConsentTemplates templates,
      SupervisedPeople people,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      AuditTrail audit,
      Clock clock,
      @Value("${bridgeway.consent.max-scan-bytes:5242880}") int maxScanBytes) {
    this.directives = directives;
    this.templates = templates;
    this.people = people;
    this.organizations = organizations;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
    this.maxScanBytes = maxScanBytes;
  }

  public int maxScanBytes() {
    return maxScanBytes;
  }

  /**
   * A person's directives, newest signature first, audited as a read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public List<ConsentDirective> directivesOf(BridgewayPrincipal principal, PersonId person) {
    people.visibleTo(principal, person);
    audit.record(
        AuditEvent.success("consent.directive.list")
            .withRecord("supervision-person", person.value())
            .withPerson(person.value()));
    return directives.ofPerson(person);
  }

  /**
   * One directive, audited as a read.
   *
   * @throws NotFoundException if there is no such directive or the caller does not see its person
   */
  @Transactional
  public ConsentDirective directive(BridgewayPrincipal principal, ConsentDirectiveId id) {
    ConsentDirective found = visible(principal, id);
    audit.record(event("consent.directive.read", found));
    return found;
  }

  /**
   * The scan of a paper-signed directive, audited as a read.
   *
   * @throws NotFoundException if there is no such directive, it has no scan, or the caller does not
   *     see its person
   */
  @Transactional
  public Directives.Scan scanOf(BridgewayPrincipal principal, ConsentDirectiveId id) {
    ConsentDirective found = visible(principal, id);
    Directives.Scan scan =
        directives.scanOf(id).orElseThrow(() -> new NotFoundException("consent form scan"));
    audit.record(event("consent.directive.scan-read", found));
    return scan;
  }

  /**
   * Records a signed directive of a person.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws ConsentInputRejected naming every field at fault; nothing is written
   */
  @Transactional
  public ConsentDirective record(
      BridgewayPrincipal principal, PersonId person, NewDirective command) {
    people.visibleTo(principal, person);
    ConsentDirective directive = checked(principal, person, command);
    directives.insert(directive);
    if (command.signatureMethod() == SignatureMethod.PAPER) {
      directives.saveScan(directive.id(), command.scan(), directive.recordedAt());
    }
    audit.record(
        event("consent.directive.record", directive)
            .withDetail("kind", directive.terms().kind().name())
            .withDetail("signature", directive.signature().method().name()));
    return directive;
  }

  /**
   * Records the person's revocation, in force from now.
   *
   * @throws NotFoundException if there is no such directive or the caller does not see its person
   * @throws DomainRuleViolation if it is revoked already, amended, or irrevocable until a date or
   *     event still ahead
   * @throws OptimisticLockingFailureException if the version is stale
   */
  @Transactional
  public ConsentDirective revoke(
      BridgewayPrincipal principal, ConsentDirectiveId id, RevocationMethod method, long version) {
    ConsentDirective directive = visible(principal, id);
    if (method == null) {
      throw ConsentInputRejected.of("method", "NotNull", "say how the person revoked");
    }
    requireVersion(directive, version);
    if (directive.revoked()) {
      throw new DomainRuleViolation(
          null, "consent.directive.revoked", "The consent directive is already revoked.");
    }
    if (directive.superseded()) {
      throw new DomainRuleViolation(
          null,
          "consent.directive.superseded",
          "The consent directive was amended; revoke the directive that amended it.");
    }
    Instant now = now();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    Optional<LocalDate> supervisionEnded = people.supervisionEndedOn(directive.person());
    if (directive.irrevocableOn(today, supervisionEnded)) {
      throw new DomainRuleViolation(
          null,
          "consent.directive.irrevocable",
          "This criminal-justice consent cannot be revoked before its stated date or event.");
    }
    directive.revoke(method, principal.reference(), now, today, supervisionEnded);
    directives.update(directive);
    audit.record(event("consent.directive.revoke", directive).withDetail("method", method.name()));
    return directives.findById(id).orElseThrow();
  }

  /**
   * Amends a directive by a new one that supersedes it from now; the old one permits nothing more.
   *
   * @throws NotFoundException if there is no such directive or the caller does not see its person
   * @throws ConsentInputRejected naming every field of the new directive at fault
   * @throws DomainRuleViolation if the directive is revoked or amended already
   * @throws OptimisticLockingFailureException if the version is stale
   */
  @Transactional
  public ConsentDirective amend(
      BridgewayPrincipal principal, ConsentDirectiveId id, long version, NewDirective command) {
    ConsentDirective old = visible(principal, id);
    requireVersion(old, version);
    if (old.revoked()) {
      throw new DomainRuleViolation(
          null, "consent.directive.revoked", "A revoked consent directive cannot be amended.");
    }
    if (old.superseded()) {
      throw new DomainRuleViolation(
          null,
          "consent.directive.superseded",
          "The consent directive was amended already; amend the newer one.");
    }
    ConsentDirective amendment = checked(principal, old.person(), command);
    directives.insert(amendment);
    if (command.signatureMethod() == SignatureMethod.PAPER) {
      directives.saveScan(amendment.id(), command.scan(), amendment.recordedAt());
    }
    old.supersede(amendment.id(), amendment.recordedAt());
    directives.update(old);
    audit.record(
        event("consent.directive.amend", amendment).withDetail("supersedes", old.id().toString()));
    return amendment;
  }

  /**
   * Now, to the microsecond the database keeps: a stamp read back must not lie after the moment it
   * was taken (PostgreSQL rounds, so a revocation could otherwise seem to lie in the future).
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private void requireVersion(ConsentDirective directive, long version) {
    if (directive.version() != version) {
      throw new OptimisticLockingFailureException(
          "The consent directive was changed by someone else; reload it and try again.");
    }
  }

  private ConsentDirective visible(BridgewayPrincipal principal, ConsentDirectiveId id) {
    return directives
        .findById(id)
        .filter(d -> people.sees(principal, d.person()))
        .orElseThrow(() -> new NotFoundException("consent directive"));
  }

  private static AuditEvent event(String action, ConsentDirective directive) {
    return AuditEvent.success(action)
        .withRecord(RECORD_TYPE, directive.id().value())
        .withPerson(directive.person().value());
  }

  /** The directive the command describes, with every rule checked; nothing is written. */
  private ConsentDirective checked(
      BridgewayPrincipal principal, PersonId person, NewDirective command) {
    List<FieldViolation> rejected = new ArrayList<>();
    DirectiveTerms terms = command.terms();
    if (terms == null) {
      throw ConsentInputRejected.of("terms", "NotNull", "is required");
    }
    if (command.template() != null) {
      Optional<ConsentTemplates.Template> template =
          templates
              .find(command.template())
              .filter(t -> t.organization().equals(principal.organization()));
      if (template.isEmpty()) {
        rejected.add(
            new FieldViolation("templateId", "UnknownTemplate", "is not a template of the agency"));
      } else {
        terms = template.get().terms().overlaidWith(terms);
      }
    }
    rejected.addAll(terms.problems());
    LocalDate today = LocalDate.now(clock);
    if (command.signedOn() == null) {
      rejected.add(new FieldViolation("signedOn", "NotNull", "is required"));
    } else {
      if (command.signedOn().isAfter(today)) {
        rejected.add(new FieldViolation("signedOn", "InFuture", "must not be in the future"));
      }
      if (terms.expiresOn() != null && !terms.expiresOn().isAfter(command.signedOn())) {
        rejected.add(
            new FieldViolation(
                "expiresOn", "BeforeSignature", "must be after the day it was signed"));
      }
      if (terms.irrevocableUntil() != null
          && !terms.irrevocableUntil().isAfter(command.signedOn())) {
        rejected.add(
            new FieldViolation(
                "irrevocableUntil", "BeforeSignature", "must be after the day it was signed"));
      }
    }
    if (command.language() == null) {
      rejected.add(new FieldViolation("language", "NotNull", "is required (en or es)"));
    }
    signatureProblems(principal, command, rejected);
    new NameCheck(organizations, staff).check(terms, rejected);
    if (!rejected.isEmpty()) {
      throw new ConsentInputRejected(rejected);
    }
    boolean electronic = command.signatureMethod() == SignatureMethod.ELECTRONIC;
    return ConsentDirective.record(
        ConsentDirectiveId.random(),
        person,
        principal.organization(),
        terms,
        new Signature(
            command.signedOn(),
            command.signatureMethod(),
            electronic ? command.typedName().strip() : null,
            electronic ? principal.reference() : null,
            command.language()),
        command.template(),
        principal.reference(),
        now());
  }

  private void signatureProblems(
      BridgewayPrincipal principal, NewDirective command, List<FieldViolation> rejected) {
    if (command.signatureMethod() == null) {
      rejected.add(new FieldViolation("signatureMethod", "NotNull", "is required"));
      return;
    }
    if (command.signatureMethod() == SignatureMethod.ELECTRONIC) {
      if (command.typedName() == null || command.typedName().isBlank()) {
        rejected.add(new FieldViolation("typedName", "NotBlank", "the person types their name"));
      } else if (command.typedName().strip().length() > MAX_NAME) {
        rejected.add(
            new FieldViolation("typedName", "Size", "has at most " + MAX_NAME + " characters"));
      }
      if (!command.attested()) {
        rejected.add(
            new FieldViolation(
                "attested", "AssertTrue", "attest that the person was present and signed"));
      }
      if (principal.user() == null) {
        rejected.add(
            new FieldViolation(
                "signatureMethod",
                "AttestationNeedsUser",
                "only a signed-in staff member can attest an electronic signature"));
      }
      if (command.scan() != null) {
        rejected.add(new FieldViolation("scan", "Null", "goes with a paper signature only"));
      }
      return;
    }
    Directives.Scan scan = command.scan();
    if (scan == null || scan.content() == null || scan.content().length == 0) {
      rejected.add(new FieldViolation("scan", "NotNull", "upload the signed paper form"));
      return;
    }
    if (scan.content().length > maxScanBytes) {
      rejected.add(
          new FieldViolation("scan", "TooLarge", "is larger than " + maxScanBytes + " bytes"));
    }
    if (scan.contentType() == null || !SCAN_TYPES.contains(scan.contentType())) {
      rejected.add(
          new FieldViolation("scan.contentType", "UnsupportedType", "must be PDF, PNG or JPEG"));
    } else if (!looksLike(scan.contentType(), scan.content())) {
      rejected.add(
          new FieldViolation(
              "scan.content", "ContentMismatch", "is not a " + scan.contentType() + " file"));
    }
  }

  /** Whether the file starts as its type says: no executable or script posing as a scan. */
  static boolean looksLike(String type, byte[] content) {
    byte[] magic =
        switch (type) {
          case "application/pdf" -> new byte[] {'%', 'P', 'D', 'F', '-'};
          case "image/png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
          case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
          default -> null;
        };
    return magic != null
        && content.length >= magic.length
        && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
  }
}
