package org.bridgeway.shared.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where the demo writes files for the person trying it
 * @param scale how much synthetic data the generators build ({@code bridgeway.demo.scale}: demo,
 *     county or state, the profiles of PERFORMANCE.md)
 */
@ConfigurationProperties("bridgeway.demo")
public record DemoProperties(
    @DefaultValue("./data") Path directory, @DefaultValue("demo") Scale scale) {

  /** The scale profiles of the deterministic data generator. */
  public enum Scale {
    /** About 40 organizations and 150 services at locations: quick to load, for trying it out. */
    DEMO,
    /** About 400 organizations and 2,500 services at locations: one county's network. */
    COUNTY,
    /** About 4,000 organizations and 25,000 services at locations: a state-wide network. */
    STATE
  }
}
