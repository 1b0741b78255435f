package org.bridgeway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: no module reaches into another's internals or depends on a module it
 * does not declare, and there are no cycles. Also writes the module documentation (PlantUML
 * diagrams and module canvases) to {@code target/spring-modulith-docs}; see {@code
 * docs/modules.md}.
 */
class ModularityTests {

  private static final ApplicationModules modules =
      ApplicationModules.of(BridgewayApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeDocumentation();
  }
}
