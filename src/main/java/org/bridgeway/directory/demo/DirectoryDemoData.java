package org.bridgeway.directory.demo;

import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.demo.DemoProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's community resource directory, at the scale of {@code bridgeway.demo.scale}: after the
 * identity step, so that the network's providers become the stewards of their listings.
 */
@Component
@Profile("demo")
class DirectoryDemoData implements DemoDataStep {

  private final DirectoryGenerator generator;
  private final DemoProperties properties;

  DirectoryDemoData(DirectoryGenerator generator, DemoProperties properties) {
    this.generator = generator;
    this.properties = properties;
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public void seed(DemoData demo) {
    GenerationSummary summary = generator.generate(demo, properties.scale());
    demo.announce(
        "Community resource directory: "
            + summary
            + ". Provider staff keep their listings at /directory/listings.");
  }
}
