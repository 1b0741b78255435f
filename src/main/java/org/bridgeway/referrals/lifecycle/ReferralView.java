package org.bridgeway.referrals.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.PersonId;

/**
 * A referral as one side sees it. The referrer sees everything it wrote and every answer; the
 * provider sees what the referral shares with it: the protected content (history and attachments)
 * only as the consent engine permits, otherwise {@code history} is null, {@code attachments} empty
 * and {@code withheld} says which category is withheld and why. The provider does not see the
 * person's supervision id, nor the eligibility justification, which are the referrer's.
 *
 * @param noticeRequired whether protected content is shown, which must carry the §2.32 notice
 */
public record ReferralView(
    ReferralId id,
    long version,
    Side side,
    ReferralState state,
    PersonId person,
    String personName,
    LocalDate personBirthDate,
    OrganizationId referringOrganization,
    UserId referringOfficer,
    ServiceId service,
    String serviceName,
    OrganizationId providerOrganization,
    boolean offPlatform,
    String offPlatformProvider,
    String offPlatformPhone,
    LocalDate followUpDue,
    NeedDomain needDomain,
    UUID goal,
    Urgency urgency,
    PreferredContact preferredContact,
    String reason,
    String history,
    String riskInformation,
    Set<InformationCategory> sharedCategories,
    List<Withheld> withheld,
    boolean noticeRequired,
    List<Attachments.Info> attachments,
    Instant createdAt,
    Instant sentAt,
    Instant respondBy,
    boolean overdue,
    Instant respondedAt,
    UserId assignedCaseworker,
    LocalDate waitlistUntil,
    Instant intakeAt,
    IntakeMode intakeMode,
    String intakePlace,
    String closingReason,
    String closingNote,
    Instant closedAt,
    String eligibilityJustification,
    List<TimelineEntry> timeline) {

  /** Which side of the referral the viewer is on. */
  public enum Side {
    REFERRER,
    PROVIDER
  }

  /** Protected content withheld from the provider: the category, why, and since when. */
  public record Withheld(InformationCategory category, WithholdingReason reason, LocalDate since) {}

  /** The FHIR R4 Task.status of the referral's state. */
  public String fhirTaskStatus() {
    return state.fhirTaskStatus();
  }

  static ReferralView referrer(Referral r, List<Attachments.Info> attachments) {
    return of(r, Side.REFERRER, r.personId(), r.history(), List.of(), false, attachments, true);
  }

  static ReferralView provider(
      Referral r, boolean shown, List<Withheld> withheld, List<Attachments.Info> attachments) {
    return of(
        r,
        Side.PROVIDER,
        null,
        shown ? r.history() : null,
        withheld,
        shown && !r.sharedCategories().isEmpty(),
        shown ? attachments : List.of(),
        false);
  }

  private static ReferralView of(
      Referral r,
      Side side,
      PersonId person,
      String history,
      List<Withheld> withheld,
      boolean notice,
      List<Attachments.Info> attachments,
      boolean referrer) {
    return new ReferralView(
        r.id(),
        r.version(),
        side,
        r.state(),
        person,
        r.personName(),
        r.personBirthDate(),
        r.referringOrganization(),
        r.referringOfficer(),
        r.service(),
        r.serviceName(),
        r.providerOrganization(),
        r.offPlatform(),
        referrer ? r.offPlatformProvider() : null,
        referrer ? r.offPlatformPhone() : null,
        referrer ? r.followUpDue() : null,
        r.needDomain(),
        r.goal(),
        r.urgency(),
        r.preferredContact(),
        r.reason(),
        history,
        r.riskInformation(),
        r.sharedCategories(),
        List.copyOf(withheld),
        notice,
        List.copyOf(attachments),
        r.createdAt(),
        r.sentAt(),
        r.respondBy(),
        r.overdue(),
        r.respondedAt(),
        r.assignedCaseworker(),
        r.waitlistUntil(),
        r.intakeAt(),
        r.intakeMode(),
        r.intakePlace(),
        r.closingReason(),
        r.closingNote(),
        r.closedAt(),
        referrer ? r.eligibilityJustification() : null,
        r.timeline());
  }
}
