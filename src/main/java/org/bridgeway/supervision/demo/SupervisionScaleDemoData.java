package org.bridgeway.supervision.demo;

import java.util.Optional;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.demo.DemoProperties;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * At the county and state scales ({@code bridgeway.demo.scale}), the demo agency's generated people
 * on supervision beside the hand-made demo ones: {@link SupervisionGenerator} after the other
 * supervision steps. The demo scale adds nothing, so the demo starts as fast as before.
 */
@Component
@Profile("demo")
class SupervisionScaleDemoData implements DemoDataStep {

  private final SupervisionGenerator generator;
  private final StaffDirectory staff;
  private final DemoProperties properties;

  SupervisionScaleDemoData(
      SupervisionGenerator generator, StaffDirectory staff, DemoProperties properties) {
    this.generator = generator;
    this.staff = staff;
    this.properties = properties;
  }

  @Override
  public int order() {
    return 320;
  }

  @Override
  public void seed(DemoData demo) {
    if (properties.scale() == Scale.DEMO) {
      return;
    }
    Optional<StaffMember> officer = staff.findByEmail("officer" + SupervisionDemoData.DOMAIN);
    if (officer.isEmpty()) {
      return;
    }
    SupervisionGenerationSummary summary =
        generator.generate(demo, properties.scale(), officer.get().organization());
    demo.announce(
        "Generated people on supervision in the probation department: "
            + summary
            + " (officers sign in after an invitation; the demo officer keeps the demo caseload).");
  }
}
