package org.bridgeway.matching.weights;

import org.bridgeway.matching.MatchingWeights;

/**
 * An agency's weights as stored, with the version a change must quote.
 *
 * @param version 0 while the agency uses the defaults
 */
public record AgencyWeights(MatchingWeights weights, long version) {

  public boolean defaults() {
    return version == 0;
  }
}
