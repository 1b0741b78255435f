package org.bridgeway.shared;

import java.util.UUID;

/**
 * A typed identifier: a record with one {@link UUID} component named {@code value}. Typed ids keep
 * a user id from being passed where an organization id is expected; the persistence layer stores
 * them as plain {@code uuid} columns.
 */
public interface Identifier {

  UUID value();
}
