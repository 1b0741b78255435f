package org.bridgeway.shared.persistence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDirectory where the cluster keeps its files; kept across restarts
 * @param port the port to listen on, 0 for any free port
 * @param cleanOnStart start from an empty cluster (tests only)
 */
@ConfigurationProperties("bridgeway.database.embedded")
public record EmbeddedDatabaseProperties(
    @DefaultValue("./data/postgres") Path dataDirectory,
    @DefaultValue("0") int port,
    @DefaultValue("false") boolean cleanOnStart) {}
