package org.bridgeway.referrals.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.lifecycle.Attachments;
import org.bridgeway.referrals.lifecycle.DeadlineSettings;
import org.bridgeway.referrals.lifecycle.IntakeMode;
import org.bridgeway.referrals.lifecycle.PreferredContact;
import org.bridgeway.referrals.lifecycle.ReferralSummary;
import org.bridgeway.referrals.lifecycle.ReferralView;
import org.bridgeway.referrals.lifecycle.TimelineEntry;
import org.bridgeway.referrals.lifecycle.TimelineKind;
import org.bridgeway.referrals.lifecycle.Urgency;
import org.bridgeway.shared.Identifier;
import org.bridgeway.shared.vocabulary.NeedDomain;

/** The JSON shapes of the referrals API: typed ids as plain UUIDs. */
final class ReferralJson {

  private ReferralJson() {}

  static UUID uuid(Identifier id) {
    return id == null ? null : id.value();
  }

  record Withheld(InformationCategory category, WithholdingReason reason, LocalDate since) {}

  record Attachment(
      UUID id, String fileName, String mediaType, long sizeBytes, Instant uploadedAt) {
    static Attachment of(Attachments.Info a) {
      return new Attachment(a.id(), a.fileName(), a.mediaType(), a.sizeBytes(), a.uploadedAt());
    }
  }

  record Entry(
      TimelineKind kind, String actor, UUID organization, Instant at, String codes, String note) {
    static Entry of(TimelineEntry e) {
      return new Entry(e.kind(), e.actor(), uuid(e.organization()), e.at(), e.codes(), e.note());
    }
  }

  record Referral(
      UUID id,
      long version,
      ReferralView.Side side,
      ReferralState state,
      String fhirTaskStatus,
      UUID personId,
      String personName,
      LocalDate personBirthDate,
      UUID referringOrganizationId,
      UUID referringOfficerId,
      UUID serviceId,
      String serviceName,
      UUID providerOrganizationId,
      boolean offPlatform,
      String offPlatformProvider,
      String offPlatformPhone,
      LocalDate followUpDue,
      NeedDomain needDomain,
      UUID goalId,
      Urgency urgency,
      PreferredContact preferredContact,
      String reason,
      String history,
      String riskInformation,
      Set<InformationCategory> sharedCategories,
      List<Withheld> withheld,
      boolean noticeRequired,
      List<Attachment> attachments,
      Instant createdAt,
      Instant sentAt,
      Instant respondBy,
      boolean overdue,
      Instant respondedAt,
      UUID assignedCaseworkerId,
      LocalDate waitlistUntil,
      Instant intakeAt,
      IntakeMode intakeMode,
      String intakePlace,
      String closingReason,
      String closingNote,
      Instant closedAt,
      String eligibilityJustification,
      List<Entry> timeline) {

    static Referral of(ReferralView v) {
      return new Referral(
          uuid(v.id()),
          v.version(),
          v.side(),
          v.state(),
          v.fhirTaskStatus(),
          uuid(v.person()),
          v.personName(),
          v.personBirthDate(),
          uuid(v.referringOrganization()),
          uuid(v.referringOfficer()),
          uuid(v.service()),
          v.serviceName(),
          uuid(v.providerOrganization()),
          v.offPlatform(),
          v.offPlatformProvider(),
          v.offPlatformPhone(),
          v.followUpDue(),
          v.needDomain(),
          v.goal(),
          v.urgency(),
          v.preferredContact(),
          v.reason(),
          v.history(),
          v.riskInformation(),
          v.sharedCategories(),
          v.withheld().stream()
              .map(w -> new Withheld(w.category(), w.reason(), w.since()))
              .toList(),
          v.noticeRequired(),
          v.attachments().stream().map(Attachment::of).toList(),
          v.createdAt(),
          v.sentAt(),
          v.respondBy(),
          v.overdue(),
          v.respondedAt(),
          uuid(v.assignedCaseworker()),
          v.waitlistUntil(),
          v.intakeAt(),
          v.intakeMode(),
          v.intakePlace(),
          v.closingReason(),
          v.closingNote(),
          v.closedAt(),
          v.eligibilityJustification(),
          v.timeline().stream().map(Entry::of).toList());
    }
  }

  record Summary(
      UUID id,
      long version,
      ReferralState state,
      UUID personId,
      String personName,
      String serviceName,
      UUID providerOrganizationId,
      boolean offPlatform,
      String offPlatformProvider,
      NeedDomain needDomain,
      Urgency urgency,
      Instant createdAt,
      Instant sentAt,
      Instant respondBy,
      boolean overdue,
      boolean dueSoon,
      UUID assignedCaseworkerId,
      LocalDate followUpDue) {
    static Summary of(ReferralSummary s) {
      return new Summary(
          uuid(s.id()),
          s.version(),
          s.state(),
          uuid(s.person()),
          s.personName(),
          s.serviceName(),
          uuid(s.providerOrganization()),
          s.offPlatform(),
          s.offPlatformProvider(),
          s.needDomain(),
          s.urgency(),
          s.createdAt(),
          s.sentAt(),
          s.respondBy(),
          s.overdue(),
          s.dueSoon(),
          uuid(s.assignedCaseworker()),
          s.followUpDue());
    }
  }

  record Settings(
      UUID providerOrganizationId,
      int responseBusinessDays,
      int reminderHours,
      long version,
      boolean configured) {
    static Settings of(DeadlineSettings.Setting s) {
      return new Settings(
          uuid(s.provider()),
          s.responseBusinessDays(),
          s.reminderHours(),
          s.version(),
          s.configured());
    }
  }
}
