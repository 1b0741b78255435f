package org.bridgeway.referrals.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.directory.DirectoryServices;
import org.bridgeway.directory.DirectoryServices.ServiceSummary;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.shared.web.PageResponse;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral lifecycle for both sides (ADR 0017). The referrer (staff of the agency who see the
 * person, ADR 0009) drafts, sends, amends and withdraws, and records the answers of a provider off
 * the platform; the provider's staff (of the network organization stewarding the service) see their
 * inbox and answer. Anyone else gets 404, exactly as for a missing referral. Every read and change
 * is audited with ids and codes in the same transaction; every change publishes {@link
 * org.bridgeway.referrals.ReferralChanged}. Each transition quotes the version the caller read and
 * fails with {@link OptimisticLockingFailureException} (409) on a stale one.
 */
@Service
public class ReferralRecords {

  static final String REFERRAL = "referral";

  /** The purpose the provider receives the referral's protected content for. */
  public static final DisclosurePurpose PURPOSE = DisclosurePurpose.CARE_COORDINATION;

  /**
   * What a draft says.
   *
   * @param service the directory service referred to; may stay open while drafting
   * @param goal the case-plan goal the referral serves, if any
   * @param sharedCategories the kinds of protected information the history and attachments hold,
   *     which a consent directive must permit sharing with the provider before sending
   */
  public record Draft(
      ServiceId service,
      NeedDomain needDomain,
      UUID goal,
      String reason,
      String history,
      String riskInformation,
      Set<InformationCategory> sharedCategories,
      Urgency urgency,
      PreferredContact preferredContact) {}

  /** Sends on the platform; the justification overrides an ineligible verdict. */
  public record Send(String eligibilityJustification) {}

  /** Records a referral as sent to a provider not on the platform. */
  public record SendOffPlatform(String providerName, String providerPhone) {}

  /** Amends a sent referral: null fields stay as they are; the reason is required. */
  public record Amend(
      String reason,
      String history,
      String riskInformation,
      Urgency urgency,
      PreferredContact preferredContact,
      String amendmentReason) {}

  /** A coded reason with free text (decline, early end, withdrawal). */
  public record Withdraw(WithdrawReason reason, String note) {}

  public record Decline(DeclineReason reason, String note) {}

  public record EndEarly(EndReason reason, String note) {}

  public record Intake(Instant at, IntakeMode mode, String place) {}

  /** The answers a referrer records for a referral off the platform. */
  public enum OffPlatformAnswer {
    ACCEPTED,
    DECLINED,
    WAITLISTED,
    INTAKE_SCHEDULED,
    STARTED,
    COMPLETED,
    ENDED_EARLY
  }

  /**
   * A provider's answer recorded by the referrer, off the platform; the fields the answer needs are
   * required (a decline's reason and note, a waitlist's date, an intake's time and mode).
   */
  public record OffPlatformOutcome(
      OffPlatformAnswer answer,
      DeclineReason declineReason,
      EndReason endReason,
      String note,
      LocalDate estimatedDate,
      Intake intake) {}

  /** Which of the referrer's referrals to list. */
  public record ReferrerFilter(boolean mine, ReferralState state) {}

  private final Referrals referrals;
  private final ReferralQueries queries;
  private final Attachments attachments;
  private final DeadlineSettings settings;
  private final SupervisedPeople people;
  private final DirectoryServices services;
  private final NetworkOrganizations organizations;
  private final StaffDirectory staff;
  private final ConsentDecisions consent;
  private final Part2Programs part2;
  private final EligibilityCheck eligibility;
  private final ReferralProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  ReferralRecords(
      Referrals referrals,
      ReferralQueries queries,
      Attachments attachments,
      DeadlineSettings settings,
      SupervisedPeople people,
      DirectoryServices services,
      NetworkOrganizations organizations,
      StaffDirectory staff,
      ConsentDecisions consent,
      Part2Programs part2,
      EligibilityCheck eligibility,
      ReferralProperties properties,
      AuditTrail audit,
      Clock clock) {
    this.referrals = referrals;
    this.queries = queries;
    this.attachments = attachments;
    this.settings = settings;
    this.people = people;
    this.services = services;
    this.organizations = organizations;
    this.staff = staff;
    this.consent = consent;
    this.part2 = part2;
    this.eligibility = eligibility;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- the referrer's side

  /**
   * Drafts a referral of a person the caller sees.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws ReferralInputRejected naming every field at fault; nothing is written
   */
  @Transactional
  public ReferralView draft(BridgewayPrincipal principal, PersonId person, Draft draft) {
    PersonHeading heading = people.visibleTo(principal, person);
    checkDraft(draft);
    Referral referral =
        Referral.draft(
            ReferralId.random(),
            new Referral.PersonShown(heading.id(), heading.fullName(), heading.dateOfBirth()),
            content(draft),
            by(principal),
            clock.instant());
    Referral saved = referrals.save(referral);
    audit.record(
        event("referrals.referral.draft", saved)
            .withDetail("needDomain", draft.needDomain().name())
            .withDetail("urgency", draft.urgency().name()));
    return ReferralView.referrer(saved, List.of());
  }

  /**
   * Changes a draft's content.
   *
   * @throws ReferralTransitionRejected if it is no longer a draft
   */
  @Transactional
  public ReferralView updateDraft(
      BridgewayPrincipal principal, ReferralId id, Draft draft, long version) {
    Referral referral = asReferrer(principal, id, version);
    checkDraft(draft);
    referral.updateDraft(content(draft), by(principal), clock.instant());
    Referral saved = referrals.save(referral);
    audit.record(event("referrals.referral.update-draft", saved));
    return referrerView(saved);
  }

  /**
   * Sends a draft to its service on the platform, after checking eligibility (overridable with a
   * justification) and that the consent engine permits sharing the chosen categories with the
   * provider; computes the response deadline from the provider's settings.
   *
   * @throws ReferralInputRejected if the service is not a service of a provider on the platform
   * @throws IneligibleForService if the person is ineligible and no justification is given
   * @throws ConsentNotCovering if a chosen category may not be shared with the provider
   */
  // An ineligible person blocks the send before anything changes; committing then keeps the audit
  // entries of the refused attempt (and of the eligibility read) instead of rolling them back.
  @Transactional(noRollbackFor = IneligibleForService.class)
  public ReferralView send(BridgewayPrincipal principal, ReferralId id, Send send, long version) {
    Referral referral = asReferrer(principal, id, version);
    if (referral.state() != ReferralState.DRAFT) {
      throw new ReferralTransitionRejected("sent", referral.state());
    }
    if (referral.service() == null) {
      throw new DomainRuleViolation(
          "service", "referrals.service.required", "Choose the service to send the referral to.");
    }
    String justification = blankToNull(send.eligibilityJustification());
    if (justification != null && justification.length() > Referral.MAX_JUSTIFICATION) {
      throw ReferralInputRejected.of(
          "eligibilityJustification",
          "Size",
          "has at most " + Referral.MAX_JUSTIFICATION + " characters");
    }
    ServiceSummary service =
        services
            .summary(referral.service())
            .filter(ServiceSummary::active)
            .filter(s -> s.stewards().size() == 1)
            .orElseThrow(
                () ->
                    ReferralInputRejected.of(
                        "service",
                        "NotOnPlatform",
                        "is not an active service of a provider on the platform; record the"
                            + " referral as sent off the platform instead"));
    OrganizationId provider = service.stewards().iterator().next();
    NetworkOrganization providerOrganization =
        organizations
            .find(provider)
            .filter(NetworkOrganization::active)
            .orElseThrow(
                () ->
                    ReferralInputRejected.of(
                        "service", "NotOnPlatform", "is kept by an inactive organization"));

    EligibilityCheck.Verdict verdict =
        eligibility.check(principal, referral.personId(), referral.service());
    if (!verdict.eligible() && justification == null) {
      audit.record(
          event("referrals.referral.send", referral)
              .withDetail("outcome", "ineligible")
              .withDetail("failedRules", String.join(",", verdict.failedRules())));
      throw new IneligibleForService(verdict.failedRules());
    }
    ConsentDirectiveId directive = consentToShare(referral, providerOrganization);

    Instant now = clock.instant();
    DeadlineSettings.Setting setting = settings.of(provider);
    Instant respondBy =
        BusinessDays.after(now.atZone(clock.getZone()), setting.responseBusinessDays()).toInstant();
    Instant remindAt = respondBy.minusSeconds(3600L * setting.reminderHours());
    if (remindAt.isBefore(now)) {
      remindAt = now;
    }
    referral.send(
        service.name(),
        provider,
        respondBy,
        remindAt,
        directive,
        verdict.eligible() ? null : justification,
        by(principal),
        now);
    Referral saved = referrals.save(referral);
    AuditEvent sent =
        event("referrals.referral.send", saved)
            .withDetail("service", service.id().toString())
            .withDetail("provider", provider.toString())
            .withDetail("sharedCategories", joined(saved.sharedCategories()));
    if (directive != null) {
      sent = sent.withDetail("directive", directive.toString());
    }
    if (!verdict.eligible()) {
      sent =
          sent.withDetail("eligibilityOverridden", "true")
              .withDetail("failedRules", String.join(",", verdict.failedRules()));
    }
    audit.record(sent);
    return referrerView(saved);
  }

  /**
   * Records a draft as sent to a provider not on the platform, with a follow-up due date for
   * confirming the outcome by phone.
   */
  @Transactional
  public ReferralView sendOffPlatform(
      BridgewayPrincipal principal, ReferralId id, SendOffPlatform send, long version) {
    Referral referral = asReferrer(principal, id, version);
    List<FieldViolation> rejected = new ArrayList<>();
    requireText("providerName", send.providerName(), Referral.MAX_NAME, true, rejected);
    requireText("providerPhone", send.providerPhone(), 40, false, rejected);
    if (send.providerPhone() != null
        && !send.providerPhone().isBlank()
        && !send.providerPhone().strip().matches("[0-9+()\\-. ]{3,40}")) {
      rejected.add(new FieldViolation("providerPhone", "Pattern", "is not a phone number"));
    }
    throwIfAny(rejected);
    Instant now = clock.instant();
    LocalDate followUp =
        BusinessDays.after(
                now.atZone(clock.getZone()), properties.offPlatformFollowUpBusinessDays())
            .toLocalDate();
    referral.sendOffPlatform(
        send.providerName(), send.providerPhone(), followUp, by(principal), now);
    Referral saved = referrals.save(referral);
    audit.record(
        event("referrals.referral.send-off-platform", saved)
            .withDetail("followUpDue", followUp.toString()));
    return referrerView(saved);
  }

  /** Amends a sent, open referral, logging the changed fields with the reason. */
  @Transactional
  public ReferralView amend(
      BridgewayPrincipal principal, ReferralId id, Amend amend, long version) {
    Referral referral = asReferrer(principal, id, version);
    List<FieldViolation> rejected = new ArrayList<>();
    requireText("reason", amend.reason(), Referral.MAX_TEXT, false, rejected);
    requireText("history", amend.history(), Referral.MAX_HISTORY, false, rejected);
    requireText("riskInformation", amend.riskInformation(), Referral.MAX_TEXT, false, rejected);
    requireText("amendmentReason", amend.amendmentReason(), Referral.MAX_TEXT, true, rejected);
    if (amend.reason() != null && amend.reason().isBlank()) {
      rejected.add(new FieldViolation("reason", "NotBlank", "must not be blank"));
    }
    throwIfAny(rejected);
    List<String> changed =
        referral.amend(
            new Referral.Amendment(
                amend.reason(),
                amend.history(),
                amend.riskInformation(),
                amend.urgency(),
                amend.preferredContact()),
            amend.amendmentReason(),
            by(principal),
            clock.instant());
    Referral saved = referrals.save(referral);
    audit.record(
        event("referrals.referral.amend", saved).withDetail("fields", String.join(",", changed)));
    return referrerView(saved);
  }

  /** Withdraws the referral from any open state, with a coded reason and free text. */
  @Transactional
  public ReferralView withdraw(
      BridgewayPrincipal principal, ReferralId id, Withdraw withdraw, long version) {
    Referral referral = asReferrer(principal, id, version);
    reasonAndNote(withdraw.reason(), withdraw.note());
    referral.withdraw(withdraw.reason(), withdraw.note(), by(principal), clock.instant());
    Referral saved = referrals.save(referral);
    audit.record(
        event("referrals.referral.withdraw", saved).withDetail("reason", withdraw.reason().name()));
    return referrerView(saved);
  }

  /**
   * Records the answer of a provider off the platform, as the referrer learnt it by phone.
   *
   * @throws DomainRuleViolation if the referral was sent on the platform (its provider answers)
   */
  @Transactional
  public ReferralView recordOffPlatformOutcome(
      BridgewayPrincipal principal, ReferralId id, OffPlatformOutcome outcome, long version) {
    Referral referral = asReferrer(principal, id, version);
    if (!referral.offPlatform()) {
      throw new DomainRuleViolation(
          "answer",
          "referrals.outcome.onPlatform",
          "The provider answers a referral sent on the platform itself.");
    }
    Referral.By by = by(principal);
    Instant now = clock.instant();
    String detail = outcome.answer().name();
    switch (outcome.answer()) {
      case ACCEPTED -> referral.accept(by, now);
      case DECLINED -> {
        reasonAndNote(outcome.declineReason(), outcome.note(), "declineReason");
        referral.decline(outcome.declineReason(), outcome.note(), by, now);
      }
      case WAITLISTED -> {
        checkEstimate(outcome.estimatedDate());
        referral.waitlist(outcome.estimatedDate(), by, now);
      }
      case INTAKE_SCHEDULED -> {
        checkIntake(outcome.intake());
        referral.scheduleIntake(
            outcome.intake().at(), outcome.intake().mode(), outcome.intake().place(), by, now);
      }
      case STARTED -> referral.start(by, now);
      case COMPLETED -> {
        checkOptionalNote(outcome.note());
        referral.complete(outcome.note(), by, now);
      }
      case ENDED_EARLY -> {
        reasonAndNote(outcome.endReason(), outcome.note(), "endReason");
        referral.endEarly(outcome.endReason(), outcome.note(), by, now);
      }
    }
    Referral saved = referrals.save(referral);
    audit.record(
        event("referrals.referral.off-platform-outcome", saved).withDetail("answer", detail));
    return referrerView(saved);
  }

  /** A referral of the caller's agency about a person the caller sees, audited as a read. */
  @Transactional
  public ReferralView referral(BridgewayPrincipal principal, ReferralId id) {
    Referral referral = visibleToReferrer(principal, id);
    audit.record(event("referrals.referral.read", referral).withDetail("side", "REFERRER"));
    return referrerView(referral);
  }

  /**
   * The referrals of the caller's agency about people the caller sees (or only the caller's own),
   * newest first; audited as one read.
   */
  @Transactional
  public PageResponse<ReferralSummary> referralsOfAgency(
      BridgewayPrincipal principal, ReferrerFilter filter, PageQuery page) {
    PageResponse<ReferralSummary> found =
        queries.ofAgency(
            principal.organization(),
            seenPeople(principal),
            filter.mine() ? ownerOf(principal) : null,
            filter.state(),
            false,
            clock.instant(),
            page);
    audit.record(
        AuditEvent.success("referrals.referral.list")
            .withDetail("scope", filter.mine() ? "mine" : "agency")
            .withDetail("count", Integer.toString(found.items().size())));
    return found;
  }

  /** The agency's expired referrals (overdue, unanswered) about people the caller sees. */
  @Transactional
  public PageResponse<ReferralSummary> expiredOfAgency(
      BridgewayPrincipal principal, PageQuery page) {
    PageResponse<ReferralSummary> found =
        queries.ofAgency(
            principal.organization(),
            seenPeople(principal),
            null,
            null,
            true,
            clock.instant(),
            page);
    audit.record(
        AuditEvent.success("referrals.referral.expired-report")
            .withDetail("side", "REFERRER")
            .withDetail("count", Integer.toString(found.items().size())));
    return found;
  }

  /**
   * Attaches a document to an open referral of the caller's. The type is decided from the content
   * (PDF, PNG, JPEG or UTF-8 plain text); the size is limited by {@code
   * referrals.max-attachment-bytes}.
   *
   * @throws ReferralInputRejected naming {@code file} for an empty, too large or unaccepted file
   */
  @Transactional
  public Attachments.Info attach(
      BridgewayPrincipal principal, ReferralId id, String fileName, byte[] content) {
    Referral referral = visibleToReferrer(principal, id);
    if (content == null || content.length == 0) {
      throw ReferralInputRejected.of("file", "NotEmpty", "must not be empty");
    }
    if (content.length > properties.maxAttachmentBytes()) {
      throw ReferralInputRejected.of(
          "file", "Size", "must be at most " + properties.maxAttachmentBytes() + " bytes");
    }
    String type =
        Attachments.mediaTypeOf(content)
            .orElseThrow(
                () ->
                    ReferralInputRejected.of(
                        "file", "MediaType", "must be a PDF, PNG, JPEG or plain text file"));
    String name = safeFileName(fileName, type);
    Instant now = clock.instant();
    Attachments.Info stored =
        attachments.store(referral.id(), name, type, content, principal.reference(), now);
    referral.attachmentAdded(stored.id(), by(principal), now);
    referrals.save(referral);
    audit.record(
        event("referrals.attachment.add", referral)
            .withDetail("attachment", stored.id().toString())
            .withDetail("mediaType", type)
            .withDetail("size", Long.toString(content.length)));
    return stored;
  }

  /** An attachment of a referral of the caller's, audited as a read. */
  @Transactional
  public Attachments.File attachment(BridgewayPrincipal principal, ReferralId id, UUID attachment) {
    Referral referral = visibleToReferrer(principal, id);
    Attachments.File file =
        attachments
            .find(referral.id(), attachment)
            .orElseThrow(() -> new NotFoundException("attachment"));
    audit.record(
        event("referrals.attachment.read", referral)
            .withDetail("attachment", attachment.toString())
            .withDetail("side", "REFERRER"));
    return file;
  }

  // ---------------------------------------------------------------- the provider's side

  /** The caller's organization's inbox, deadline first; audited as one read. */
  @Transactional
  public PageResponse<ReferralSummary> inbox(
      BridgewayPrincipal principal, InboxFilter filter, PageQuery page) {
    PageResponse<ReferralSummary> found =
        queries.inbox(principal.organization(), filter, principal.user(), clock.instant(), page);
    audit.record(
        AuditEvent.success("referrals.inbox.read")
            .withDetail("filter", filter.name())
            .withDetail("count", Integer.toString(found.items().size())));
    return found;
  }

  /** The provider's expired referrals (overdue, unanswered). */
  @Transactional
  public PageResponse<ReferralSummary> expiredAtProvider(
      BridgewayPrincipal principal, PageQuery page) {
    PageResponse<ReferralSummary> found =
        queries.expiredAt(principal.organization(), clock.instant(), page);
    audit.record(
        AuditEvent.success("referrals.referral.expired-report")
            .withDetail("side", "PROVIDER")
            .withDetail("count", Integer.toString(found.items().size())));
    return found;
  }

  /**
   * A referral sent to the caller's organization, with its protected content disclosed through the
   * consent engine (recorded for the accounting of disclosures) or withheld; audited as a read.
   */
  @Transactional
  public ReferralView atProvider(BridgewayPrincipal principal, ReferralId id) {
    Referral referral = sentToCaller(principal, id);
    audit.record(event("referrals.referral.read", referral).withDetail("side", "PROVIDER"));
    return providerView(principal, referral);
  }

  /** An attachment of a referral sent to the caller's organization, if the consent permits it. */
  @Transactional
  public Attachments.File attachmentAtProvider(
      BridgewayPrincipal principal, ReferralId id, UUID attachment) {
    Referral referral = sentToCaller(principal, id);
    List<ReferralView.Withheld> withheld =
        disclose(principal, referral, "attachment " + attachment);
    if (!withheld.isEmpty()) {
      // Withheld content answers as if it did not exist; the referral view says why.
      throw new NotFoundException("attachment");
    }
    Attachments.File file =
        attachments
            .find(referral.id(), attachment)
            .orElseThrow(() -> new NotFoundException("attachment"));
    audit.record(
        event("referrals.attachment.read", referral)
            .withDetail("attachment", attachment.toString())
            .withDetail("side", "PROVIDER"));
    return file;
  }

  /**
   * Assigns a caseworker of the caller's organization.
   *
   * @throws ReferralInputRejected if the user is not active provider staff of the organization
   */
  @Transactional
  public ReferralView assign(
      BridgewayPrincipal principal, ReferralId id, UserId caseworker, long version) {
    Referral referral = asProvider(principal, id, version);
    Optional<StaffMember> member = staff.find(caseworker);
    if (member.isEmpty()
        || !member.get().active()
        || !member.get().organization().equals(principal.organization())
        || !(member.get().has(Role.PROVIDER_STAFF) || member.get().has(Role.ORGANIZATION_ADMIN))) {
      throw ReferralInputRejected.of(
          "caseworkerId", "UnknownCaseworker", "is not active staff of your organization");
    }
    referral.assign(caseworker, by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.assign");
  }

  @Transactional
  public ReferralView accept(BridgewayPrincipal principal, ReferralId id, long version) {
    Referral referral = asProvider(principal, id, version);
    referral.accept(by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.accept");
  }

  @Transactional
  public ReferralView decline(
      BridgewayPrincipal principal, ReferralId id, Decline decline, long version) {
    Referral referral = asProvider(principal, id, version);
    reasonAndNote(decline.reason(), decline.note());
    referral.decline(decline.reason(), decline.note(), by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.decline");
  }

  @Transactional
  public ReferralView waitlist(
      BridgewayPrincipal principal, ReferralId id, LocalDate estimatedDate, long version) {
    Referral referral = asProvider(principal, id, version);
    checkEstimate(estimatedDate);
    referral.waitlist(estimatedDate, by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.waitlist");
  }

  @Transactional
  public ReferralView scheduleIntake(
      BridgewayPrincipal principal, ReferralId id, Intake intake, long version) {
    Referral referral = asProvider(principal, id, version);
    checkIntake(intake);
    referral.scheduleIntake(
        intake.at(), intake.mode(), intake.place(), by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.schedule-intake");
  }

  @Transactional
  public ReferralView start(BridgewayPrincipal principal, ReferralId id, long version) {
    Referral referral = asProvider(principal, id, version);
    referral.start(by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.start");
  }

  @Transactional
  public ReferralView complete(
      BridgewayPrincipal principal, ReferralId id, String note, long version) {
    Referral referral = asProvider(principal, id, version);
    checkOptionalNote(note);
    referral.complete(note, by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.complete");
  }

  @Transactional
  public ReferralView endEarly(
      BridgewayPrincipal principal, ReferralId id, EndEarly end, long version) {
    Referral referral = asProvider(principal, id, version);
    reasonAndNote(end.reason(), end.note());
    referral.endEarly(end.reason(), end.note(), by(principal), clock.instant());
    return providerChange(principal, referral, "referrals.referral.end-early");
  }

  /** The caller's organization's response deadline settings (the defaults if it set none). */
  @Transactional(readOnly = true)
  public DeadlineSettings.Setting deadlineSettings(BridgewayPrincipal principal) {
    return settings.of(principal.organization());
  }

  /**
   * Sets the caller's organization's response deadline; for its administrators only.
   *
   * @throws ReferralInputRejected if the days are not 1 to 30 or the hours not 1 to 168
   */
  @Transactional
  public DeadlineSettings.Setting setDeadlineSettings(
      BridgewayPrincipal principal, int businessDays, int reminderHours, long version) {
    if (!principal.administers(principal.organization())) {
      throw new AccessDeniedException("Only the organization's administrators set deadlines");
    }
    List<FieldViolation> rejected = new ArrayList<>();
    if (businessDays < 1 || businessDays > 30) {
      rejected.add(new FieldViolation("responseBusinessDays", "Range", "must be 1 to 30"));
    }
    if (reminderHours < 1 || reminderHours > 168) {
      rejected.add(new FieldViolation("reminderHours", "Range", "must be 1 to 168"));
    }
    throwIfAny(rejected);
    OrganizationId provider = principal.organization();
    settings.save(
        provider, businessDays, reminderHours, version, principal.reference(), clock.instant());
    audit.record(
        AuditEvent.success("referrals.deadline-settings.update")
            .withRecord("referral-provider-setting", provider.value())
            .withDetail("responseBusinessDays", Integer.toString(businessDays))
            .withDetail("reminderHours", Integer.toString(reminderHours)));
    return settings.of(provider);
  }

  // ---------------------------------------------------------------- helpers

  private ReferralView providerChange(
      BridgewayPrincipal principal, Referral referral, String action) {
    Referral saved = referrals.save(referral);
    AuditEvent event = event(action, saved).withDetail("state", saved.state().name());
    if (saved.closingReason() != null && saved.state().closed()) {
      event = event.withDetail("reason", saved.closingReason());
    }
    audit.record(event);
    return providerView(principal, saved);
  }

  private ReferralView referrerView(Referral referral) {
    return ReferralView.referrer(referral, attachments.of(referral.id()));
  }

  private ReferralView providerView(BridgewayPrincipal principal, Referral referral) {
    List<ReferralView.Withheld> withheld =
        disclose(principal, referral, "referral " + referral.id() + " history and attachments");
    return ReferralView.provider(
        referral, withheld.isEmpty(), withheld, attachments.of(referral.id()));
  }

  /**
   * Discloses the referral's protected content to the provider's caller through the consent engine,
   * one disclosure per shared category; answers what is withheld (nothing if all permitted or
   * nothing protected is shared).
   */
  private List<ReferralView.Withheld> disclose(
      BridgewayPrincipal principal, Referral referral, String records) {
    List<ReferralView.Withheld> withheld = new ArrayList<>();
    Sensitivity sensitivity = part2.sensitivityOf(referral.referringOrganization());
    for (InformationCategory category : referral.sharedCategories()) {
      ConsentDecision decision =
          consent.disclose(
              principal,
              new DisclosureRequest(
                  referral.personId(),
                  referral.referringOrganization(),
                  category,
                  PURPOSE,
                  sensitivity),
              records);
      if (!decision.permitted()) {
        withheld.add(new ReferralView.Withheld(category, decision.reason(), decision.since()));
      }
    }
    return withheld;
  }

  /**
   * Asks the engine whether the chosen categories may be shared with the provider's organization
   * (see ADR 0017: asked for the organization, as no user of it is known yet).
   *
   * @return the permitting directive, or null if nothing protected is shared
   */
  private ConsentDirectiveId consentToShare(Referral referral, NetworkOrganization provider) {
    Set<InformationCategory> categories = referral.sharedCategories();
    if (categories.isEmpty()) {
      return null;
    }
    BridgewayPrincipal recipient =
        new BridgewayPrincipal(
            null,
            null,
            provider.id(),
            provider.kind(),
            provider.name(),
            provider.name(),
            Set.of(Role.PROVIDER_STAFF));
    Sensitivity sensitivity = part2.sensitivityOf(referral.referringOrganization());
    List<InformationCategory> asked = List.copyOf(categories);
    List<ConsentDecision> decisions =
        consent.decideAll(
            recipient,
            asked.stream()
                .map(
                    c ->
                        new DisclosureRequest(
                            referral.personId(),
                            referral.referringOrganization(),
                            c,
                            PURPOSE,
                            sensitivity))
                .toList());
    Map<InformationCategory, WithholdingReason> withheld = new EnumMap<>(InformationCategory.class);
    ConsentDirectiveId directive = null;
    for (int i = 0; i < asked.size(); i++) {
      ConsentDecision decision = decisions.get(i);
      if (decision.permitted()) {
        directive = directive == null ? decision.directive() : directive;
      } else {
        withheld.put(asked.get(i), decision.reason());
      }
    }
    if (!withheld.isEmpty()) {
      throw new ConsentNotCovering(withheld);
    }
    return directive;
  }

  private Referral asReferrer(BridgewayPrincipal principal, ReferralId id, long version) {
    Referral referral = visibleToReferrer(principal, id);
    requireVersion(referral, version);
    return referral;
  }

  private Referral asProvider(BridgewayPrincipal principal, ReferralId id, long version) {
    Referral referral = sentToCaller(principal, id);
    requireVersion(referral, version);
    return referral;
  }

  private Referral visibleToReferrer(BridgewayPrincipal principal, ReferralId id) {
    Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException(REFERRAL));
    if (!principal.belongsTo(referral.referringOrganization())
        || !people.sees(principal, referral.personId())) {
      throw new NotFoundException(REFERRAL);
    }
    return referral;
  }

  private Referral sentToCaller(BridgewayPrincipal principal, ReferralId id) {
    Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException(REFERRAL));
    if (!referral.sentTo(principal.organization())) {
      throw new NotFoundException(REFERRAL);
    }
    return referral;
  }

  private static void requireVersion(Referral referral, long version) {
    if (referral.version() != version) {
      throw new OptimisticLockingFailureException(
          "The referral "
              + referral.id()
              + " is at version "
              + referral.version()
              + ", not "
              + version);
    }
  }

  private List<PersonId> seenPeople(BridgewayPrincipal principal) {
    return List.copyOf(
        people.seenAmong(principal, queries.peopleReferredBy(principal.organization())));
  }

  private static UserId ownerOf(BridgewayPrincipal principal) {
    // An API client owns no referrals; a user id that matches none lists nothing.
    return principal.user() == null ? new UserId(new UUID(0, 0)) : principal.user();
  }

  private void checkDraft(Draft draft) {
    List<FieldViolation> rejected = new ArrayList<>();
    if (draft.needDomain() == null) {
      rejected.add(new FieldViolation("needDomain", "NotNull", "is required"));
    }
    if (draft.urgency() == null) {
      rejected.add(new FieldViolation("urgency", "NotNull", "is required"));
    }
    if (draft.preferredContact() == null) {
      rejected.add(new FieldViolation("preferredContact", "NotNull", "is required"));
    }
    requireText("reason", draft.reason(), Referral.MAX_TEXT, true, rejected);
    requireText("history", draft.history(), Referral.MAX_HISTORY, false, rejected);
    requireText("riskInformation", draft.riskInformation(), Referral.MAX_TEXT, false, rejected);
    if (draft.service() != null && services.summary(draft.service()).isEmpty()) {
      rejected.add(new FieldViolation("service", "Unknown", "is not a service of the directory"));
    }
    throwIfAny(rejected);
  }

  private static Referral.Content content(Draft draft) {
    return new Referral.Content(
        draft.service(),
        draft.needDomain(),
        draft.goal(),
        draft.reason(),
        draft.history(),
        draft.riskInformation(),
        draft.sharedCategories(),
        draft.urgency(),
        draft.preferredContact());
  }

  private static void reasonAndNote(Enum<?> reason, String note) {
    reasonAndNote(reason, note, "reason");
  }

  private static void reasonAndNote(Enum<?> reason, String note, String reasonField) {
    List<FieldViolation> rejected = new ArrayList<>();
    if (reason == null) {
      rejected.add(new FieldViolation(reasonField, "NotNull", "is required"));
    }
    requireText("note", note, Referral.MAX_TEXT, true, rejected);
    throwIfAny(rejected);
  }

  private void checkEstimate(LocalDate estimatedDate) {
    if (estimatedDate == null) {
      throw ReferralInputRejected.of("estimatedDate", "NotNull", "is required");
    }
    if (estimatedDate.isBefore(LocalDate.now(clock))) {
      throw ReferralInputRejected.of("estimatedDate", "FutureOrPresent", "must not be in the past");
    }
  }

  private static void checkIntake(Intake intake) {
    List<FieldViolation> rejected = new ArrayList<>();
    if (intake == null || intake.at() == null) {
      rejected.add(new FieldViolation("intakeAt", "NotNull", "is required"));
    }
    if (intake == null || intake.mode() == null) {
      rejected.add(new FieldViolation("mode", "NotNull", "is required"));
    }
    if (intake != null) {
      requireText("place", intake.place(), Referral.MAX_NAME, false, rejected);
    }
    throwIfAny(rejected);
  }

  private static void checkOptionalNote(String note) {
    List<FieldViolation> rejected = new ArrayList<>();
    requireText("note", note, Referral.MAX_TEXT, false, rejected);
    throwIfAny(rejected);
  }

  private static void requireText(
      String field, String value, int max, boolean required, List<FieldViolation> rejected) {
    if (value == null || value.isBlank()) {
      if (required) {
        rejected.add(new FieldViolation(field, "NotBlank", "must not be blank"));
      }
    } else if (value.strip().length() > max) {
      rejected.add(new FieldViolation(field, "Size", "has at most " + max + " characters"));
    }
  }

  private static void throwIfAny(List<FieldViolation> rejected) {
    if (!rejected.isEmpty()) {
      throw new ReferralInputRejected(rejected);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String safeFileName(String fileName, String type) {
    String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
    if (name.isEmpty()) {
      name =
          "attachment"
              + switch (type) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                case "image/jpeg" -> ".jpg";
                default -> ".txt";
              };
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  private static String joined(Set<InformationCategory> categories) {
    return String.join(",", categories.stream().map(Enum::name).sorted().toList());
  }

  private static Referral.By by(BridgewayPrincipal principal) {
    return new Referral.By(principal.reference(), principal.user(), principal.organization());
  }

  private static AuditEvent event(String action, Referral referral) {
    return AuditEvent.success(action)
        .withRecord(REFERRAL, referral.id().value())
        .withPerson(referral.personId().value());
  }
}
