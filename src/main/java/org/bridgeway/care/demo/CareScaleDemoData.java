package org.bridgeway.care.demo;

import java.util.List;
import java.util.Optional;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.demo.DemoProperties;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * At the county and state scales ({@code bridgeway.demo.scale}), generated care events for the demo
 * agency's generated people at the network's treatment providers ({@link CareGenerator}): 2,000,000
 * at the county scale. Runs after the hand-made care demo data; the demo scale adds nothing, so the
 * demo starts as fast as before.
 */
@Component
@Profile("demo")
class CareScaleDemoData implements DemoDataStep {

  private final CareGenerator generator;
  private final StaffDirectory staff;
  private final NetworkOrganizations organizations;
  private final DemoProperties properties;

  CareScaleDemoData(
      CareGenerator generator,
      StaffDirectory staff,
      NetworkOrganizations organizations,
      DemoProperties properties) {
    this.generator = generator;
    this.staff = staff;
    this.organizations = organizations;
    this.properties = properties;
  }

  @Override
  public int order() {
    return 460;
  }

  @Override
  public void seed(DemoData demo) {
    if (properties.scale() == Scale.DEMO) {
      return;
    }
    Optional<StaffMember> officer = staff.findByEmail("officer@demo.bridgeway.example");
    List<OrganizationId> providers =
        organizations.activeOfKind(OrganizationKind.TREATMENT_PROVIDER).stream()
            .map(NetworkOrganizations.NetworkOrganization::id)
            .toList();
    if (officer.isEmpty() || providers.isEmpty()) {
      return;
    }
    CareGenerator.Summary summary =
        generator.generate(
            CareGenerator.Sizes.of(properties.scale()),
            officer.get().organization(),
            providers,
            demo.random("care-generator").nextLong());
    demo.announce("Generated care events at the treatment providers: " + summary + ".");
  }
}
