package org.bridgeway.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.ConsentTemplates;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.Directives;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.consent.emergency.EmergencyAccess;
import org.bridgeway.consent.emergency.EmergencyGrant;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.SupervisionFixtures.Versioned;
import org.springframework.boot.test.context.TestComponent;

/**
 * Consent records for tests: a paper-signed directive of a supervised person, an agency's template
 * and a medical-emergency grant, entered through the services by the agency's administrator.
 */
@TestComponent
public class ConsentFixtures {

  /** A recorded directive with its person. */
  public record Recorded(Supervised supervised, UUID directive, long version) {}

  public static final byte[] PDF = "%PDF-1.4 signed consent form".getBytes();

  private final SupervisionFixtures supervision;
  private final ConsentDirectiveRecords records;
  private final ConsentTemplates templates;
  private final EmergencyAccess emergencies;
  private final Clock clock;

  ConsentFixtures(
      SupervisionFixtures supervision,
      ConsentDirectiveRecords records,
      ConsentTemplates templates,
      EmergencyAccess emergencies,
      Clock clock) {
    this.supervision = supervision;
    this.records = records;
    this.templates = templates;
    this.emergencies = emergencies;
    this.clock = clock;
  }

  /** Terms by which the organization discloses attendance to itself until supervision ends. */
  public static DirectiveTerms terms(OrganizationId discloser, OrganizationId recipient) {
    return new DirectiveTerms(
        DirectiveKind.GENERAL,
        null,
        Set.of(discloser),
        false,
        EnumSet.of(InformationCategory.ATTENDANCE),
        null,
        Set.of(recipient),
        Set.of(),
        EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
        null,
        ExpiryEvent.END_OF_SUPERVISION,
        null,
        null,
        "Tell your officer in person or in writing.");
  }

  /** A supervised person of the agency with a paper-signed directive. */
  public Recorded directive(OrganizationId agency) {
    Supervised supervised = supervision.supervised(agency);
    ConsentDirective directive =
        records.record(
            SupervisionFixtures.administratorOf(agency),
            new PersonId(supervised.person()),
            new ConsentDirectiveRecords.NewDirective(
                terms(agency, agency),
                null,
                LocalDate.now(clock),
                SignatureMethod.PAPER,
                null,
                false,
                new Directives.Scan("application/pdf", PDF),
                FormLanguage.EN));
    return new Recorded(supervised, directive.id().value(), directive.version());
  }

  /** A template of the agency. */
  public Versioned template(OrganizationId agency) {
    ConsentTemplates.Template template =
        templates.create(
            SupervisionFixtures.administratorOf(agency),
            "Fixture template " + UUID.randomUUID(),
            terms(agency, agency));
    return new Versioned(template.id().value(), template.version());
  }

  /** A medical-emergency grant of the organization's provider staff for a person of the agency. */
  public Versioned emergencyGrant(OrganizationId organization, Supervised supervised) {
    BridgewayPrincipal medic =
        Principals.apiClient(
            organization, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    EmergencyGrant grant =
        emergencies.grant(
            medic, new PersonId(supervised.person()), "Overdose in the waiting room", 4);
    return new Versioned(grant.id().value(), grant.version());
  }
}
