package org.bridgeway.matching;

import java.util.List;
import org.bridgeway.directory.ServiceId;

/** A service that addresses the need but that the person cannot use, with every rule it fails. */
public record ExcludedService(
    ServiceId service, String serviceName, String organizationName, List<Reason> reasons) {

  public ExcludedService {
    reasons = List.copyOf(reasons);
  }
}
