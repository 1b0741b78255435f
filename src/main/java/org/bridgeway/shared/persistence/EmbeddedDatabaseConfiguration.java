package org.bridgeway.shared.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL when no external database is configured, so that a new user needs
 * nothing but a JDK. The data directory survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

  static final String DATABASE = "bridgeway";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
    Files.createDirectories(properties.dataDirectory());
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(properties.dataDirectory())
            .setCleanDataDirectory(properties.cleanOnStart())
            .setPort(properties.port())
            .setPGStartupWait(Duration.ofSeconds(30))
            // Spring stops the server after the connection pool (destroyMethod below); zonky's own
            // JVM hook would stop it first, while connections are still being closed.
            .setRegisterShutdownHook(false)
            // Bridgeway promises that an acknowledged write is never lost.
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .start();
    createDatabaseIfMissing(postgres);
    log.info(
        "Embedded PostgreSQL on port {} with data in {}",
        postgres.getPort(),
        properties.dataDirectory().toAbsolutePath().normalize());
    return postgres;
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
    dataSource.setUsername("postgres");
    dataSource.setPoolName("bridgeway");
    return dataSource;
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
    DataSource admin = postgres.getPostgresDatabase();
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (!exists.next()) {
        statement.execute("create database " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IOException("Could not create the embedded database " + DATABASE, e);
    }
  }

  static class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !ExternalDatabase.isConfigured(context.getEnvironment());
    }
  }
}
