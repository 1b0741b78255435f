package org.bridgeway.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.lifecycle.PreferredContact;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.lifecycle.ReferralView;
import org.bridgeway.referrals.lifecycle.Urgency;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.boot.test.context.TestComponent;

/**
 * Referrals for tests, made through {@link ReferralRecords} as the agency's administrator and the
 * provider's staff would: drafts, referrals sent to a provider on the platform (through a directory
 * service it stewards) and moved on to a given state, and referrals sent off the platform.
 */
@TestComponent
public class ReferralFixtures {

  /** A referral a fixture made, with its parties and the version a change must quote. */
  public record Made(
      UUID id, long version, OrganizationId agency, Supervised supervised, UUID service) {}

  private final ReferralRecords referrals;
  private final SupervisionFixtures supervision;
  private final DirectoryFixtures directory;
  private final TestUsers users;
  private final Clock clock;

  ReferralFixtures(
      ReferralRecords referrals,
      SupervisionFixtures supervision,
      DirectoryFixtures directory,
      TestUsers users,
      Clock clock) {
    this.referrals = referrals;
    this.supervision = supervision;
    this.directory = directory;
    this.users = users;
    this.clock = clock;
  }

  /** What a fixture draft says, for a service (or none). */
  public static ReferralRecords.Draft draft(UUID service) {
    return new ReferralRecords.Draft(
        service == null ? null : new ServiceId(service),
        NeedDomain.HOUSING,
        null,
        "Needs stable housing before release planning",
        null,
        "No known risk to staff",
        Set.of(),
        Urgency.ROUTINE,
        PreferredContact.PHONE);
  }

  /** The agency's administrator (an API client of the agency). */
  public static BridgewayPrincipal referrerOf(OrganizationId agency) {
    return SupervisionFixtures.administratorOf(agency);
  }

  /** Provider staff of the organization (an API client). */
  public static BridgewayPrincipal providerStaffOf(OrganizationId provider) {
    return Principals.apiClient(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
  }

  /** A draft of the agency about a new supervised person, to a service the provider stewards. */
  public Made draftOf(OrganizationId agency) {
    Supervised supervised = supervision.supervised(agency);
    UUID service =
        directory.stewardedService(users.organization(OrganizationKind.TREATMENT_PROVIDER));
    ReferralView view =
        referrals.draft(referrerOf(agency), new PersonId(supervised.person()), draft(service));
    return new Made(view.id().value(), view.version(), agency, supervised, service);
  }

  /** A referral sent by a new agency to a service the provider stewards. */
  public Made sentTo(OrganizationId provider) {
    return sent(users.organization(OrganizationKind.PROBATION_AGENCY), provider);
  }

  /** A referral sent by the agency to a service of a new provider. */
  public Made sentBy(OrganizationId agency) {
    return sent(agency, users.organization(OrganizationKind.TREATMENT_PROVIDER));
  }

  /** A referral sent by the agency to a service the provider stewards. */
  public Made sent(OrganizationId agency, OrganizationId provider) {
    Supervised supervised = supervision.supervised(agency);
    UUID service = directory.stewardedService(provider);
    BridgewayPrincipal referrer = referrerOf(agency);
    ReferralView draft =
        referrals.draft(referrer, new PersonId(supervised.person()), draft(service));
    ReferralView sent =
        referrals.send(referrer, draft.id(), new ReferralRecords.Send(null), draft.version());
    return new Made(sent.id().value(), sent.version(), agency, supervised, service);
  }

  /** A referral sent to the provider and moved by its staff to the state (an open one). */
  public Made inState(OrganizationId provider, ReferralState state) {
    Made sent = sentTo(provider);
    BridgewayPrincipal staff = providerStaffOf(provider);
    ReferralId id = new ReferralId(sent.id());
    ReferralView view = referrals.atProvider(staff, id);
    long version = view.version();
    switch (state) {
      case SENT -> {}
      case WAITLISTED ->
          version =
              referrals.waitlist(staff, id, LocalDate.now(clock).plusDays(30), version).version();
      case ACCEPTED -> version = referrals.accept(staff, id, version).version();
      case INTAKE_SCHEDULED -> {
        version = referrals.accept(staff, id, version).version();
        version = referrals.scheduleIntake(staff, id, intake(), version).version();
      }
      case IN_PROGRESS -> {
        version = referrals.accept(staff, id, version).version();
        version = referrals.scheduleIntake(staff, id, intake(), version).version();
        version = referrals.start(staff, id, version).version();
      }
      default -> throw new IllegalArgumentException("No fixture for " + state);
    }
    return new Made(sent.id(), version, sent.agency(), sent.supervised(), sent.service());
  }

  /** A referral of the agency recorded as sent off the platform. */
  public Made offPlatform(OrganizationId agency) {
    Made draft = draftOf(agency);
    ReferralView sent =
        referrals.sendOffPlatform(
            referrerOf(agency),
            new ReferralId(draft.id()),
            new ReferralRecords.SendOffPlatform("Harbor Street Clinic", "555-0100"),
            draft.version());
    return new Made(sent.id().value(), sent.version(), agency, draft.supervised(), null);
  }

  /** A referral sent to the provider with a plain-text attachment: {referral, attachment}. */
  public UUID[] withAttachment(OrganizationId provider) {
    Made sent = sentTo(provider);
    var info =
        referrals.attach(
            referrerOf(sent.agency()),
            new ReferralId(sent.id()),
            "notes.txt",
            "Intake notes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new UUID[] {sent.id(), info.id()};
  }

  /** A referral of the agency with a plain-text attachment: {referral, attachment}. */
  public UUID[] withAttachmentBy(OrganizationId agency) {
    Made sent = sentBy(agency);
    var info =
        referrals.attach(
            referrerOf(agency),
            new ReferralId(sent.id()),
            "notes.txt",
            "Intake notes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new UUID[] {sent.id(), info.id()};
  }

  /** The version of the provider's deadline settings (0 while it uses the defaults). */
  public long settingsVersion(OrganizationId provider) {
    return referrals.deadlineSettings(providerStaffOf(provider)).version();
  }

  public ReferralRecords.Intake intake() {
    return new ReferralRecords.Intake(
        clock.instant().plusSeconds(86_400 * 3),
        org.bridgeway.referrals.lifecycle.IntakeMode.IN_PERSON,
        "Main office");
  }
}
