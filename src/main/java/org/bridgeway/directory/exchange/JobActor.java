package org.bridgeway.directory.exchange;

import java.util.UUID;
import org.bridgeway.shared.security.Actor;

/** The uploader of an import, acting again when the job runs with no request around it. */
record JobActor(UUID userId, UUID apiTokenId, UUID organizationId) implements Actor {}
