package org.bridgeway.referrals.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.supervision.PersonId;

/**
 * A referral of a person on supervision to a service: drafted by the referrer, {@link #send sent}
 * to a service on the platform or {@link #sendOffPlatform recorded as sent} to a provider off it,
 * answered ({@link #accept}, {@link #decline}, {@link #waitlist}), followed through ({@link
 * #scheduleIntake}, {@link #start}, {@link #complete}, {@link #endEarly}), {@link #amend amended}
 * or {@link #withdraw withdrawn}. Each behaviour method guards its transition (throwing {@link
 * ReferralTransitionRejected} on an illegal one), stamps who and when in the {@link #timeline()},
 * and registers a {@link ReferralChanged} that the repository publishes on save.
 */
public class Referral {

  public static final int MAX_TEXT = 4000;
  public static final int MAX_HISTORY = 8000;
  public static final int MAX_JUSTIFICATION = 2000;
  public static final int MAX_NAME = 300;

  private static final Set<ReferralState> ANSWERED_OPEN =
      EnumSet.of(
          ReferralState.SENT,
          ReferralState.WAITLISTED,
          ReferralState.ACCEPTED,
          ReferralState.INTAKE_SCHEDULED,
          ReferralState.IN_PROGRESS);

  /** Who acts: a reference ({@code user:..}, {@code token:..}), the user if any, for whom. */
  public record By(String reference, UserId user, OrganizationId organization) {

    public By {
      Objects.requireNonNull(reference, "reference");
    }

    /** The system itself (the deadline job). */
    public static By system() {
      return new By("system", null, null);
    }
  }

  /** The person referred, as the referrer saw them when drafting. */
  public record PersonShown(PersonId id, String fullName, LocalDate dateOfBirth) {}

  /**
   * What a draft says. {@code service} may be left open while drafting; it is needed to send on the
   * platform.
   */
  public record Content(
      ServiceId service,
      NeedDomain needDomain,
      java.util.UUID goal,
      String reason,
      String history,
      String riskInformation,
      Set<InformationCategory> sharedCategories,
      Urgency urgency,
      PreferredContact preferredContact) {

    public Content {
      sharedCategories =
          sharedCategories == null || sharedCategories.isEmpty()
              ? Set.of()
              : Set.copyOf(EnumSet.copyOf(sharedCategories));
    }
  }

  /** What an amendment changes; null fields stay as they are. */
  public record Amendment(
      String reason,
      String history,
      String riskInformation,
      Urgency urgency,
      PreferredContact preferredContact) {}

  private final ReferralId id;
  private final PersonId personId;
  private final String personName;
  private final LocalDate personBirthDate;
  private final OrganizationId referringOrganizationId;
  private final UserId referringOfficerId;
  private final String createdBy;
  private final Instant createdAt;

  private ServiceId serviceId;
  private String serviceName;
  private OrganizationId providerOrganizationId;
  private boolean offPlatform;
  private String offPlatformProvider;
  private String offPlatformPhone;
  private LocalDate followUpDue;
  private NeedDomain needDomain;
  private java.util.UUID goalId;
  private String reason;
  private String history;
  private String riskInformation;
  private String sharedCategories;
  private ConsentDirectiveId consentDirectiveId;
  private Urgency urgency;
  private PreferredContact preferredContact;
  private ReferralState state;
  private Instant sentAt;
  private Instant respondBy;
  private Instant remindAt;
  private Instant remindedAt;
  private boolean overdue;
  private Instant overdueAt;
  private Instant respondedAt;
  private UserId assignedCaseworkerId;
  private LocalDate waitlistUntil;
  private Instant intakeAt;
  private IntakeMode intakeMode;
  private String intakePlace;
  private String closingReason;
  private String closingNote;
  private Instant closedAt;
  private String eligibilityJustification;

  private List<TimelineEntry> timeline;

  /** Null until first stored; then the version in the database, raised by each save. */
  private Long version;

  /** How many timeline entries are in the database; the store appends only the ones after. */
  private int storedTimeline;

  private final List<ReferralChanged> events = new ArrayList<>();

  private Referral(
      ReferralId id,
      PersonId personId,
      String personName,
      LocalDate personBirthDate,
      OrganizationId referringOrganizationId,
      UserId referringOfficerId,
      String createdBy,
      Instant createdAt,
      Long version) {
    this.id = id;
    this.personId = personId;
    this.personName = personName;
    this.personBirthDate = personBirthDate;
    this.referringOrganizationId = referringOrganizationId;
    this.referringOfficerId = referringOfficerId;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.version = version;
  }

  /** Drafts a referral of a person for the referrer's organization. */
  public static Referral draft(
      ReferralId id, PersonShown person, Content content, By by, Instant at) {
    Objects.requireNonNull(by.organization(), "the referrer's organization");
    Referral referral =
        new Referral(
            Objects.requireNonNull(id),
            person.id(),
            text(person.fullName(), MAX_NAME, true),
            person.dateOfBirth(),
            by.organization(),
            by.user(),
            by.reference(),
            at,
            null);
    referral.state = ReferralState.DRAFT;
    referral.timeline = new ArrayList<>();
    referral.apply(content);
    referral.log(TimelineKind.DRAFTED, by, at, null, null);
    return referral;
  }

  /** Changes a draft's content. */
  public void updateDraft(Content content, By by, Instant at) {
    require("updated as a draft", ReferralState.DRAFT);
    apply(content);
    log(TimelineKind.DRAFT_UPDATED, by, at, null, null);
  }

  /**
   * Sends a draft to a service on the platform, with its response deadline.
   *
   * @param directive the consent directive permitting what is shared; null when nothing protected
   *     is shared
   * @param justification why the referral goes although the person was found ineligible; null if
   *     they were not
   */
  public void send(
      String serviceName,
      OrganizationId provider,
      Instant respondBy,
      Instant remindAt,
      ConsentDirectiveId directive,
      String justification,
      By by,
      Instant at) {
    require("sent", ReferralState.DRAFT);
    if (serviceId == null) {
      throw new DomainRuleViolation(
          "service", "referrals.service.required", "Choose the service to send the referral to.");
    }
    Objects.requireNonNull(provider, "provider");
    if (!respondBy.isAfter(at) || remindAt.isAfter(respondBy)) {
      throw new IllegalArgumentException("The deadline must lie ahead, the reminder before it");
    }
    this.serviceName = text(serviceName, 500, false);
    this.providerOrganizationId = provider;
    this.offPlatform = false;
    this.respondBy = respondBy;
    this.remindAt = remindAt;
    this.consentDirectiveId = directive;
    this.eligibilityJustification = text(justification, MAX_JUSTIFICATION, false);
    this.sentAt = at;
    this.state = ReferralState.SENT;
    if (eligibilityJustification != null) {
      log(TimelineKind.ELIGIBILITY_OVERRIDDEN, by, at, null, eligibilityJustification);
    }
    change(Change.SENT, TimelineKind.SENT, by, at, "provider=" + provider, null);
  }

  /**
   * Records a draft as sent to a provider not on the platform; the referrer is to confirm the
   * outcome by phone by {@code followUpDue} and records the provider's answers.
   */
  public void sendOffPlatform(
      String providerName, String providerPhone, LocalDate followUpDue, By by, Instant at) {
    require("sent", ReferralState.DRAFT);
    this.offPlatform = true;
    this.offPlatformProvider = text(providerName, MAX_NAME, true);
    this.offPlatformPhone = text(providerPhone, 40, false);
    this.followUpDue = Objects.requireNonNull(followUpDue, "followUpDue");
    this.providerOrganizationId = null;
    this.sentAt = at;
    this.state = ReferralState.SENT;
    change(Change.SENT_OFF_PLATFORM, TimelineKind.SENT_OFF_PLATFORM, by, at, null, null);
  }

  /** Assigns (or reassigns) the provider's caseworker. */
  public void assign(UserId caseworker, By by, Instant at) {
    requireOpenAfterSending("assigned");
    if (offPlatform) {
      throw new DomainRuleViolation(
          null,
          "referrals.offPlatform.noCaseworker",
          "A referral sent off the platform has no caseworker on Bridgeway.");
    }
    this.assignedCaseworkerId = Objects.requireNonNull(caseworker, "caseworker");
    change(Change.ASSIGNED, TimelineKind.ASSIGNED, by, at, "caseworker=" + caseworker, null);
  }

  /** The provider accepts the referral (also from the waitlist). */
  public void accept(By by, Instant at) {
    require("accepted", ReferralState.SENT, ReferralState.WAITLISTED);
    answered(at);
    this.state = ReferralState.ACCEPTED;
    this.waitlistUntil = null;
    change(Change.ACCEPTED, TimelineKind.ACCEPTED, by, at, null, null);
  }

  /** The provider declines the referral, with a coded reason and free text. */
  public void decline(DeclineReason why, String note, By by, Instant at) {
    require("declined", ReferralState.SENT, ReferralState.WAITLISTED);
    close(ReferralState.DECLINED, Objects.requireNonNull(why, "reason").name(), note, at);
    answered(at);
    change(Change.DECLINED, TimelineKind.DECLINED, by, at, "reason=" + why, closingNote);
  }

  /** The provider puts the referral on its waitlist until an estimated day. */
  public void waitlist(LocalDate estimatedDate, By by, Instant at) {
    require("waitlisted", ReferralState.SENT);
    Objects.requireNonNull(estimatedDate, "estimatedDate");
    answered(at);
    this.waitlistUntil = estimatedDate;
    this.state = ReferralState.WAITLISTED;
    change(Change.WAITLISTED, TimelineKind.WAITLISTED, by, at, "estimated=" + estimatedDate, null);
  }

  /** Schedules (or reschedules) the intake of an accepted referral. */
  public void scheduleIntake(Instant intake, IntakeMode mode, String place, By by, Instant at) {
    require("scheduled for intake", ReferralState.ACCEPTED, ReferralState.INTAKE_SCHEDULED);
    this.intakeAt = Objects.requireNonNull(intake, "intake");
    this.intakeMode = Objects.requireNonNull(mode, "mode");
    this.intakePlace = text(place, MAX_NAME, false);
    this.state = ReferralState.INTAKE_SCHEDULED;
    change(
        Change.INTAKE_SCHEDULED,
        TimelineKind.INTAKE_SCHEDULED,
        by,
        at,
        "intake=" + intake + ";mode=" + mode,
        null);
  }

  /** The person started the service (came to intake). */
  public void start(By by, Instant at) {
    require("started", ReferralState.INTAKE_SCHEDULED);
    this.state = ReferralState.IN_PROGRESS;
    change(Change.STARTED, TimelineKind.STARTED, by, at, null, null);
  }

  /** The person completed the service. */
  public void complete(String note, By by, Instant at) {
    require("completed", ReferralState.IN_PROGRESS);
    this.state = ReferralState.COMPLETED;
    this.closedAt = at;
    this.closingNote = text(note, MAX_TEXT, false);
    change(Change.COMPLETED, TimelineKind.COMPLETED, by, at, null, closingNote);
  }

  /** The service ended before completion, with a coded reason and free text. */
  public void endEarly(EndReason why, String note, By by, Instant at) {
    require("ended early", ReferralState.IN_PROGRESS);
    close(ReferralState.ENDED_EARLY, Objects.requireNonNull(why, "reason").name(), note, at);
    change(Change.ENDED_EARLY, TimelineKind.ENDED_EARLY, by, at, "reason=" + why, closingNote);
  }

  /** The referrer withdraws the referral from any open state, with a coded reason and text. */
  public void withdraw(WithdrawReason why, String note, By by, Instant at) {
    if (state.closed()) {
      throw new ReferralTransitionRejected("withdrawn", state);
    }
    close(ReferralState.WITHDRAWN, Objects.requireNonNull(why, "reason").name(), note, at);
    change(Change.WITHDRAWN, TimelineKind.WITHDRAWN, by, at, "reason=" + why, closingNote);
  }

  /**
   * The referrer amends a sent, open referral: the changed fields are logged with the reason.
   *
   * @return the names of the fields that changed
   * @throws DomainRuleViolation if nothing would change
   */
  public List<String> amend(Amendment changes, String why, By by, Instant at) {
    require(
        "amended",
        ReferralState.SENT,
        ReferralState.WAITLISTED,
        ReferralState.ACCEPTED,
        ReferralState.INTAKE_SCHEDULED,
        ReferralState.IN_PROGRESS);
    String because = text(why, MAX_TEXT, true);
    List<String> changed = new ArrayList<>();
    if (changes.reason() != null && !text(changes.reason(), MAX_TEXT, true).equals(reason)) {
      reason = text(changes.reason(), MAX_TEXT, true);
      changed.add("reason");
    }
    if (changes.history() != null
        && !Objects.equals(text(changes.history(), MAX_HISTORY, false), history)) {
      history = text(changes.history(), MAX_HISTORY, false);
      changed.add("history");
    }
    if (changes.riskInformation() != null
        && !Objects.equals(text(changes.riskInformation(), MAX_TEXT, false), riskInformation)) {
      riskInformation = text(changes.riskInformation(), MAX_TEXT, false);
      changed.add("riskInformation");
    }
    if (changes.urgency() != null && changes.urgency() != urgency) {
      urgency = changes.urgency();
      changed.add("urgency");
    }
    if (changes.preferredContact() != null && changes.preferredContact() != preferredContact) {
      preferredContact = changes.preferredContact();
      changed.add("preferredContact");
    }
    if (changed.isEmpty()) {
      throw new DomainRuleViolation(
          null, "referrals.amendment.empty", "The amendment changes nothing.");
    }
    change(
        Change.AMENDED,
        TimelineKind.AMENDED,
        by,
        at,
        "fields=" + String.join(",", changed),
        because);
    return List.copyOf(changed);
  }

  /** Notes an attachment added by the referrer, while the referral is open. */
  public void attachmentAdded(java.util.UUID attachment, By by, Instant at) {
    if (state.closed()) {
      throw new ReferralTransitionRejected("given attachments", state);
    }
    log(TimelineKind.ATTACHMENT_ADDED, by, at, "attachment=" + attachment, null);
  }

  /**
   * The deadline nears without an answer: registers {@link Change#RESPONSE_DUE_SOON} once.
   *
   * @return whether it did (false if already reminded, answered, or not yet due)
   */
  public boolean remindDueSoon(Instant now) {
    if (state != ReferralState.SENT
        || offPlatform
        || remindedAt != null
        || remindAt == null
        || now.isBefore(remindAt)) {
      return false;
    }
    remindedAt = now;
    change(Change.RESPONSE_DUE_SOON, TimelineKind.RESPONSE_DUE_SOON, By.system(), now, null, null);
    return true;
  }

  /**
   * The deadline passed without an answer: flags the referral overdue (kept for reports) and
   * registers {@link Change#RESPONSE_OVERDUE} once.
   *
   * @return whether it did
   */
  public boolean markOverdue(Instant now) {
    if (state != ReferralState.SENT
        || offPlatform
        || overdue
        || respondBy == null
        || now.isBefore(respondBy)) {
      return false;
    }
    overdue = true;
    overdueAt = now;
    change(Change.RESPONSE_OVERDUE, TimelineKind.RESPONSE_OVERDUE, By.system(), now, null, null);
    return true;
  }

  private void apply(Content content) {
    this.serviceId = content.service();
    this.needDomain = Objects.requireNonNull(content.needDomain(), "needDomain");
    this.goalId = content.goal();
    this.reason = text(content.reason(), MAX_TEXT, true);
    this.history = text(content.history(), MAX_HISTORY, false);
    this.riskInformation = text(content.riskInformation(), MAX_TEXT, false);
    this.sharedCategories =
        content.sharedCategories().stream()
            .sorted()
            .map(Enum::name)
            .collect(Collectors.joining(","));
    this.urgency = Objects.requireNonNull(content.urgency(), "urgency");
    this.preferredContact = Objects.requireNonNull(content.preferredContact(), "preferredContact");
  }

  private void answered(Instant at) {
    if (respondedAt == null) {
      respondedAt = at;
    }
  }

  private void close(ReferralState to, String code, String note, Instant at) {
    this.closingNote = text(note, MAX_TEXT, true);
    this.closingReason = code;
    this.closedAt = at;
    this.state = to;
  }

  private void require(String action, ReferralState... allowed) {
    if (!Arrays.asList(allowed).contains(state)) {
      throw new ReferralTransitionRejected(action, state);
    }
  }

  private void requireOpenAfterSending(String action) {
    if (!ANSWERED_OPEN.contains(state)) {
      throw new ReferralTransitionRejected(action, state);
    }
  }

  private void change(
      Change kind, TimelineKind entry, By by, Instant at, String codes, String note) {
    log(entry, by, at, codes, note);
    events.add(
        new ReferralChanged(
            id,
            kind,
            state,
            referringOrganizationId,
            referringOfficerId,
            providerOrganizationId,
            assignedCaseworkerId,
            by.user(),
            at,
            version == null ? 0 : version + 1));
  }

  private void log(TimelineKind kind, By by, Instant at, String codes, String note) {
    List<TimelineEntry> all = new ArrayList<>(timeline);
    all.add(new TimelineEntry(kind, by.reference(), by.organization(), at, codes, note));
    timeline = all;
  }

  static String text(String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new IllegalArgumentException("Text is required");
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException("Text has at most " + max + " characters");
    }
    return stripped;
  }

  /** The changes registered since the last save, handed over once to the store to publish. */
  List<ReferralChanged> takeChanges() {
    List<ReferralChanged> taken = List.copyOf(events);
    events.clear();
    return taken;
  }

  /**
   * The referral's columns, as {@link Referrals} writes and reads them. The timeline is stored
   * apart, one row per entry, and only ever appended to.
   */
  record Stored(
      ReferralId id,
      PersonId personId,
      String personName,
      LocalDate personBirthDate,
      OrganizationId referringOrganizationId,
      UserId referringOfficerId,
      String createdBy,
      Instant createdAt,
      ServiceId serviceId,
      String serviceName,
      OrganizationId providerOrganizationId,
      boolean offPlatform,
      String offPlatformProvider,
      String offPlatformPhone,
      LocalDate followUpDue,
      NeedDomain needDomain,
      java.util.UUID goalId,
      String reason,
      String history,
      String riskInformation,
      String sharedCategories,
      ConsentDirectiveId consentDirectiveId,
      Urgency urgency,
      PreferredContact preferredContact,
      ReferralState state,
      Instant sentAt,
      Instant respondBy,
      Instant remindAt,
      Instant remindedAt,
      boolean overdue,
      Instant overdueAt,
      Instant respondedAt,
      UserId assignedCaseworkerId,
      LocalDate waitlistUntil,
      Instant intakeAt,
      IntakeMode intakeMode,
      String intakePlace,
      String closingReason,
      String closingNote,
      Instant closedAt,
      String eligibilityJustification,
      Long version) {}

  Stored stored() {
    return new Stored(
        id,
        personId,
        personName,
        personBirthDate,
        referringOrganizationId,
        referringOfficerId,
        createdBy,
        createdAt,
        serviceId,
        serviceName,
        providerOrganizationId,
        offPlatform,
        offPlatformProvider,
        offPlatformPhone,
        followUpDue,
        needDomain,
        goalId,
        reason,
        history,
        riskInformation,
        sharedCategories,
        consentDirectiveId,
        urgency,
        preferredContact,
        state,
        sentAt,
        respondBy,
        remindAt,
        remindedAt,
        overdue,
        overdueAt,
        respondedAt,
        assignedCaseworkerId,
        waitlistUntil,
        intakeAt,
        intakeMode,
        intakePlace,
        closingReason,
        closingNote,
        closedAt,
        eligibilityJustification,
        version);
  }

  /** A referral as the store read it. */
  static Referral restore(Stored row, List<TimelineEntry> timeline) {
    Referral referral =
        new Referral(
            row.id(),
            row.personId(),
            row.personName(),
            row.personBirthDate(),
            row.referringOrganizationId(),
            row.referringOfficerId(),
            row.createdBy(),
            row.createdAt(),
            row.version());
    referral.serviceId = row.serviceId();
    referral.serviceName = row.serviceName();
    referral.providerOrganizationId = row.providerOrganizationId();
    referral.offPlatform = row.offPlatform();
    referral.offPlatformProvider = row.offPlatformProvider();
    referral.offPlatformPhone = row.offPlatformPhone();
    referral.followUpDue = row.followUpDue();
    referral.needDomain = row.needDomain();
    referral.goalId = row.goalId();
    referral.reason = row.reason();
    referral.history = row.history();
    referral.riskInformation = row.riskInformation();
    referral.sharedCategories = row.sharedCategories();
    referral.consentDirectiveId = row.consentDirectiveId();
    referral.urgency = row.urgency();
    referral.preferredContact = row.preferredContact();
    referral.state = row.state();
    referral.sentAt = row.sentAt();
    referral.respondBy = row.respondBy();
    referral.remindAt = row.remindAt();
    referral.remindedAt = row.remindedAt();
    referral.overdue = row.overdue();
    referral.overdueAt = row.overdueAt();
    referral.respondedAt = row.respondedAt();
    referral.assignedCaseworkerId = row.assignedCaseworkerId();
    referral.waitlistUntil = row.waitlistUntil();
    referral.intakeAt = row.intakeAt();
    referral.intakeMode = row.intakeMode();
    referral.intakePlace = row.intakePlace();
    referral.closingReason = row.closingReason();
    referral.closingNote = row.closingNote();
    referral.closedAt = row.closedAt();
    referral.eligibilityJustification = row.eligibilityJustification();
    referral.timeline = new ArrayList<>(timeline);
    referral.storedTimeline = timeline.size();
    return referral;
  }

  /** The timeline entries not yet in the database. */
  List<TimelineEntry> unstoredTimeline() {
    return List.copyOf(timeline.subList(storedTimeline, timeline.size()));
  }

  /** Position (0-based) of the first unstored timeline entry. */
  int storedTimelineSize() {
    return storedTimeline;
  }

  /** The store wrote everything: this is the version now in the database. */
  void stored(long newVersion) {
    version = newVersion;
    storedTimeline = timeline.size();
  }

  /** The changes registered since the referral was last saved (published on save). */
  public List<ReferralChanged> pendingChanges() {
    return List.copyOf(events);
  }

  /** Whether the loop is still open. */
  public boolean open() {
    return !state.closed();
  }

  /** Whether the provider's staff may see it: sent on the platform, to them. */
  public boolean sentTo(OrganizationId provider) {
    return state != ReferralState.DRAFT
        && !offPlatform
        && sentAt != null
        && provider.equals(providerOrganizationId);
  }

  public ReferralId id() {
    return id;
  }

  public PersonId personId() {
    return personId;
  }

  public String personName() {
    return personName;
  }

  public LocalDate personBirthDate() {
    return personBirthDate;
  }

  public OrganizationId referringOrganization() {
    return referringOrganizationId;
  }

  public UserId referringOfficer() {
    return referringOfficerId;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public ServiceId service() {
    return serviceId;
  }

  public String serviceName() {
    return serviceName;
  }

  public OrganizationId providerOrganization() {
    return providerOrganizationId;
  }

  public boolean offPlatform() {
    return offPlatform;
  }

  public String offPlatformProvider() {
    return offPlatformProvider;
  }

  public String offPlatformPhone() {
    return offPlatformPhone;
  }

  public LocalDate followUpDue() {
    return followUpDue;
  }

  public NeedDomain needDomain() {
    return needDomain;
  }

  public java.util.UUID goal() {
    return goalId;
  }

  public String reason() {
    return reason;
  }

  public String history() {
    return history;
  }

  public String riskInformation() {
    return riskInformation;
  }

  public Set<InformationCategory> sharedCategories() {
    if (sharedCategories == null || sharedCategories.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(sharedCategories.split(","))
        .map(InformationCategory::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(InformationCategory.class)));
  }

  public ConsentDirectiveId consentDirective() {
    return consentDirectiveId;
  }

  public Urgency urgency() {
    return urgency;
  }

  public PreferredContact preferredContact() {
    return preferredContact;
  }

  public ReferralState state() {
    return state;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant respondBy() {
    return respondBy;
  }

  public Instant remindAt() {
    return remindAt;
  }

  public boolean overdue() {
    return overdue;
  }

  public Instant respondedAt() {
    return respondedAt;
  }

  public UserId assignedCaseworker() {
    return assignedCaseworkerId;
  }

  public LocalDate waitlistUntil() {
    return waitlistUntil;
  }

  public Instant intakeAt() {
    return intakeAt;
  }

  public IntakeMode intakeMode() {
    return intakeMode;
  }

  public String intakePlace() {
    return intakePlace;
  }

  /** The coded reason of a decline, early end or withdrawal; null otherwise. */
  public String closingReason() {
    return closingReason;
  }

  public String closingNote() {
    return closingNote;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String eligibilityJustification() {
    return eligibilityJustification;
  }

  public List<TimelineEntry> timeline() {
    return List.copyOf(timeline);
  }

  public Long version() {
    return version;
  }

  @Override
  public String toString() {
    return new StringJoiner(", ", "Referral[", "]")
        .add("id=" + id)
        .add("state=" + state)
        .add("version=" + version)
        .toString();
  }
}
