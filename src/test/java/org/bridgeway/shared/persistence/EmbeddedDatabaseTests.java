package org.bridgeway.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.bridgeway.BridgewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database as a user meets it: data survives a restart, and readiness follows the
 * database. Each test starts its own application on its own data directory.
 */
class EmbeddedDatabaseTests {

  @TempDir Path dataDirectory;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(BridgewayApplication.class)
        .profiles("test")
        // Arguments, not default properties: they must win over the test profile's clean start.
        .run(
            "--server.port=0",
            "--bridgeway.database.embedded.data-directory=" + dataDirectory.resolve("pg"),
            "--bridgeway.database.embedded.clean-on-start=false",
            "--spring.datasource.hikari.connection-timeout=2000",
            "--spring.datasource.hikari.validation-timeout=1000");
  }

  @Test
  void dataWrittenBeforeARestartIsThereAfterIt() {
    try (ConfigurableApplicationContext first = start()) {
      first
          .getBean(JdbcClient.class)
          .sql(
              "insert into identity_organization (id, name, kind, created_at, version) values (gen_random_uuid(), 'Kept Across Restarts', 'FUNDER', now(), 0)")
          .update();
    }
    try (ConfigurableApplicationContext second = start()) {
      long kept =
          second
              .getBean(JdbcClient.class)
              .sql("select count(*) from identity_organization where name = 'Kept Across Restarts'")
              .query(Long.class)
              .single();
      assertThat(kept).isEqualTo(1);
    }
  }

  @Test
  void readinessIsDownWhileTheDatabaseIsDownAndLivenessStaysUp() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);

      context.getBean(EmbeddedPostgres.class).close();

      assertThat(status(port, "/actuator/health/readiness")).isEqualTo(503);
      assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
    }
  }

  private static int status(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
