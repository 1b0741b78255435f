package org.bridgeway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bridgeway.consent.program.Part2Register;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Part 2 register: marked and unmarked by network administrators, audited, answered at once.
 */
@IntegrationTest
class Part2RegisterIntegrationTests {

  @Autowired Part2Register register;
  @Autowired Part2Programs programs;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  @Test
  void markedProgramsDiscloseWithPart2SensitivityUntilUnmarked() {
    OrganizationId program = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    BridgewayPrincipal admin =
        Principals.user(program, OrganizationKind.TREATMENT_PROVIDER, Role.NETWORK_ADMIN);
    assertThat(programs.sensitivityOf(program)).isEqualTo(Sensitivity.HEALTH);

    register.mark(admin, program);
    register.mark(admin, program);

    assertThat(programs.isPart2Program(program)).isTrue();
    assertThat(programs.sensitivityOf(program)).isEqualTo(Sensitivity.PART_2);
    assertThat(register.programs())
        .filteredOn(p -> p.organization().equals(program))
        .singleElement()
        .satisfies(p -> assertThat(p.markedBy()).isEqualTo(admin.reference()));

    register.unmark(admin, program);
    assertThat(programs.isPart2Program(program)).isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(action, ',' ORDER BY seq) FROM audit_entry"
                        + " WHERE record_id = :id AND action LIKE 'consent.part2.%'")
                .param("id", program.value())
                .query(String.class)
                .single())
        .isEqualTo("consent.part2.mark,consent.part2.mark,consent.part2.unmark");
  }

  @Test
  void anUnknownOrganizationCannotBeMarked() {
    BridgewayPrincipal admin =
        Principals.user(
            OrganizationId.random(), OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);
    OrganizationId unknown = OrganizationId.random();
    assertThatThrownBy(() -> register.mark(admin, unknown)).isInstanceOf(NotFoundException.class);
    assertThat(programs.isPart2Program(unknown)).isFalse();
  }
}
