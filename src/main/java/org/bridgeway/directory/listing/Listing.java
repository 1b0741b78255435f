package org.bridgeway.directory.listing;

import java.util.List;
import java.util.UUID;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;

/**
 * A service as its keeper edits it: the HSDS fields, the Bridgeway profile (whose version is the
 * listing's version), the capacity with its recent history, and the field-level change history.
 *
 * @param capacity the current figures, or null if none were ever reported
 * @param capacityHistory recent reports, newest first
 * @param changes recent HSDS metadata of the service and its phone, newest first
 */
public record Listing(
    UUID serviceId,
    UUID organizationId,
    String organizationName,
    ServiceFields fields,
    ServiceProfile profile,
    Capacity capacity,
    boolean stale,
    List<Capacity> capacityHistory,
    List<FieldChangeEntry> changes) {

  public Listing {
    capacityHistory = List.copyOf(capacityHistory);
    changes = List.copyOf(changes);
  }

  /** The version an edit must be based on. */
  public int version() {
    return profile.version();
  }
}
