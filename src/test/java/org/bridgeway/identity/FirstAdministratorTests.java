package org.bridgeway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bridgeway.BridgewayApplication;
import org.bridgeway.identity.user.UserStatus;
import org.bridgeway.identity.user.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A new installation gets its first administrator once, and never again. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

  @TempDir Path data;

  private ConfigurableApplicationContext start(String email) {
    return new SpringApplicationBuilder(BridgewayApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--bridgeway.database.embedded.data-directory=" + data.resolve("pg"),
            "--bridgeway.database.embedded.clean-on-start=false",
            "--bridgeway.bootstrap.organization-name=Harbor County Probation",
            "--bridgeway.bootstrap.admin-email=" + email);
  }

  @Test
  void anEmptyInstallationInvitesTheFirstNetworkAdministratorOnlyOnce(CapturedOutput output) {
    try (var context = start("first@harbor.example")) {
      var admin = context.getBean(Users.class).findByEmail("first@harbor.example").orElseThrow();
      assertThat(admin.roles()).containsExactly(Role.NETWORK_ADMIN);
      assertThat(admin.status()).isEqualTo(UserStatus.INVITED);
      assertThat(output).contains("http://localhost:8080/invitation/");
    }
    try (var context = start("second@harbor.example")) {
      assertThat(context.getBean(Users.class).findByEmail("second@harbor.example")).isEmpty();
      assertThat(output).contains("Bootstrap settings ignored");
    }
  }
}
