package org.bridgeway.consent.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.consent.program.NetworkOrganizations;
import org.bridgeway.consent.program.Part2Register;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.springframework.stereotype.Component;

/**
 * Consent demo data: the demo network's treatment providers (the identity demo's organizations) are
 * marked as 42 CFR Part 2 programs. Idempotent: a restart marks nothing twice.
 */
@Component
class ConsentDemoData implements DemoDataStep {

  /** More than the identity demo's organizations, so that every one of them is looked at. */
  private static final int DEMO_ORGANIZATIONS = 200;

  private final NetworkOrganizations organizations;
  private final Part2Register register;

  ConsentDemoData(NetworkOrganizations organizations, Part2Register register) {
    this.organizations = organizations;
    this.register = register;
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public void seed(DemoData demo) {
    List<OrganizationId> candidates = new ArrayList<>();
    for (int i = 0; i < DEMO_ORGANIZATIONS; i++) {
      candidates.add(new OrganizationId(demo.id("organization:" + i)));
    }
    Set<OrganizationId> programs =
        organizations.find(candidates).values().stream()
            .filter(member -> member.kind() == OrganizationKind.TREATMENT_PROVIDER)
            .map(NetworkOrganizations.Member::id)
            .collect(Collectors.toSet());
    int added = register.markForDemo(programs, "system:demo");
    demo.announce(
        "Consent: "
            + programs.size()
            + " treatment providers are Part 2 programs ("
            + added
            + " marked now)");
  }
}
