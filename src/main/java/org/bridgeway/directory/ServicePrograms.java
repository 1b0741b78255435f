package org.bridgeway.directory;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The HSDS program a service belongs to, for a module that measures outcomes by program: several
 * services (one per site, say) may be one program.
 */
public interface ServicePrograms {

  /**
   * A service's program.
   *
   * @param program the HSDS program id, or null when the service belongs to none
   * @param name the program's name, or the service's name when it belongs to none
   */
  record ServiceProgram(ServiceId service, UUID program, String name) {}

  /** The programs of the services the directory has, by service (one query for many). */
  Map<ServiceId, ServiceProgram> programsOf(Collection<ServiceId> services);
}
