package org.bridgeway.outcomes.demo;

import java.util.Optional;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.outcomes.ingest.OutcomesReadModel;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.demo.DemoProperties;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo agency's outcome data: its read model rebuilt from the people, cases, referrals and care
 * the other demo steps made (so it runs after all of them), and a historical cohort of past years
 * as an agency would import it, sized so that the agency has about as many people "all time" as the
 * scale profile's people on supervision (PERFORMANCE.md), with at least a fifth of them historical.
 */
@Component
@Profile("demo")
class OutcomesDemoData implements DemoDataStep {

  /** The demo officer, whose agency is the demo's probation department. */
  static final String DEMO_OFFICER = "officer@demo.bridgeway.example";

  private final StaffDirectory staff;
  private final HistoricalCohort cohort;
  private final OutcomesReadModel readModel;
  private final DemoProperties properties;

  OutcomesDemoData(
      StaffDirectory staff,
      HistoricalCohort cohort,
      OutcomesReadModel readModel,
      DemoProperties properties) {
    this.staff = staff;
    this.cohort = cohort;
    this.readModel = readModel;
    this.properties = properties;
  }

  @Override
  public int order() {
    // After every other module's demo data (the highest is 500).
    return 900;
  }

  @Override
  public void seed(DemoData demo) {
    Optional<StaffMember> officer = staff.findByEmail(DEMO_OFFICER);
    if (officer.isEmpty()) {
      return;
    }
    OrganizationId agency = officer.get().organization();
    OutcomesReadModel.Rebuilt copied = readModel.rebuild(agency);
    HistoricalCohort.Generated generated =
        cohort.generate(agency, cohortSize(properties.scale(), copied.people()));
    // The rebuild's change event is delivered when this step commits, with the cohort: the
    // measures' facts are then computed over both.
    demo.announce(
        "Outcomes: "
            + copied.people()
            + " people copied from the platform, "
            + (generated.existed()
                ? "historical cohort already there"
                : generated.people()
                    + " people of a historical cohort with "
                    + generated.events()
                    + " events")
            + ".");
  }

  /** Enough historical people for the profile's total, and at least a fifth of it. */
  static int cohortSize(Scale scale, int platformPeople) {
    int total =
        switch (scale) {
          case DEMO -> 500;
          case COUNTY -> 50_000;
          // The state profile's agency is measured on the county's cohort: the state's size is for
          // the directory and supervision, not for one agency's history.
          case STATE -> 50_000;
        };
    return Math.max(total - platformPeople, total / 5);
  }
}
