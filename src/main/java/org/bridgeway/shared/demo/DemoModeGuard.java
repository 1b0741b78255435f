package org.bridgeway.shared.demo;

import java.util.Arrays;
import org.bridgeway.shared.persistence.ExternalDatabase;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the demo against an external database: demo data, demo second-factor codes and
 * demo tokens must never reach a real installation. Runs before any bean exists, so nothing has
 * touched the database when it refuses.
 */
public class DemoModeGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
    if (demo && ExternalDatabase.isConfigured(environment)) {
      throw new IllegalStateException(
          "The demo profile runs only on the embedded database. Unset SPRING_DATASOURCE_URL to try"
              + " the demo, or drop the demo profile to run against your database.");
    }
  }
}
