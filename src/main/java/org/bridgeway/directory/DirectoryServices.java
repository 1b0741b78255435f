package org.bridgeway.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;

/**
 * Looks up a service of the directory for other modules, for example to name the service of a
 * referral and to know which network organizations provide it.
 */
public interface DirectoryServices {

  /**
   * A service as other modules need to know it.
   *
   * @param name the service's name
   * @param organizationName the name of the directory organization that offers it
   * @param active whether the service's HSDS status is active
   * @param stewards the network organizations keeping the listing current: the service's provider
   *     on the platform (empty when no member of the network keeps it)
   */
  record ServiceSummary(
      ServiceId id,
      String name,
      String organizationName,
      boolean active,
      Set<OrganizationId> stewards) {

    public ServiceSummary {
      stewards = Set.copyOf(stewards);
    }
  }

  /** The service, if the directory has one with this id. */
  Optional<ServiceSummary> summary(ServiceId id);

  /**
   * The active services whose listings a network organization keeps, by id, at most {@code limit}.
   */
  List<ServiceId> activeServicesKeptBy(OrganizationId steward, int limit);
}
