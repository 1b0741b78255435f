package org.bridgeway.directory.demo;

import java.time.Duration;
import org.bridgeway.shared.demo.DemoProperties.Scale;

/**
 * What the directory generator built.
 *
 * @param alreadyPresent the directory of this scale was there already, so nothing was written
 * @param records HSDS records written (taxonomy included)
 * @param stewarded directory organizations linked to their network organization
 * @param elapsed the whole generation
 * @param writing of which writing records, profiles, capacity and stewards
 * @param searchRefresh of which the listeners of the one {@code DirectoryRecordsChanged} (the
 *     search projection)
 */
public record GenerationSummary(
    Scale scale,
    int organizations,
    int stewarded,
    int services,
    int locations,
    int serviceAtLocations,
    int records,
    int profiles,
    int capacityReports,
    boolean alreadyPresent,
    Duration elapsed,
    Duration writing,
    Duration searchRefresh) {

  @Override
  public String toString() {
    return alreadyPresent
        ? "directory (" + scale + ") already present"
        : String.format(
            "directory (%s): %,d organizations (%d stewarded), %,d services, %,d locations, %,d"
                + " services at locations, %,d HSDS records, %,d profiles, %,d capacity reports"
                + " in %,d ms (writing %,d ms, search refresh %,d ms)",
            scale,
            organizations,
            stewarded,
            services,
            locations,
            serviceAtLocations,
            records,
            profiles,
            capacityReports,
            elapsed.toMillis(),
            writing.toMillis(),
            searchRefresh.toMillis());
  }
}
