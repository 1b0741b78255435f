package org.bridgeway.shared.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DemoModeGuardTest {

  private final DemoModeGuard guard = new DemoModeGuard();

  @Test
  void theDemoRefusesAnExternalDatabase() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org/prod");
    environment.setActiveProfiles("demo");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("embedded database");
  }

  @Test
  void theDemoRunsOnTheEmbeddedDatabase() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("demo");
    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void anExternalDatabaseIsFineOutsideTheDemo() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org/prod");
    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
