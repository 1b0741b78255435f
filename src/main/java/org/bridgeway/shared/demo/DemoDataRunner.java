package org.bridgeway.shared.demo;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo data at start-up in the demo profile, then prints how to try it. */
@Component
@Profile("demo")
class DemoDataRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

  private final List<DemoDataStep> steps;
  private final TransactionTemplate transactions;
  private final DemoProperties properties;
  private final Environment environment;

  DemoDataRunner(
      List<DemoDataStep> steps,
      TransactionTemplate transactions,
      DemoProperties properties,
      Environment environment) {
    this.steps = steps;
    this.transactions = transactions;
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    DemoData demo = new DemoData(properties.directory());
    steps.stream()
        .sorted(Comparator.comparingInt(DemoDataStep::order))
        .forEach(step -> transactions.executeWithoutResult(status -> step.seed(demo)));
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    StringBuilder banner = new StringBuilder();
    banner.append("\n\n  Bridgeway demo is ready: http://localhost:").append(port).append("/\n\n");
    demo.announcements().forEach(line -> banner.append("  ").append(line).append('\n'));
    banner.append('\n');
    log.info(banner.toString());
  }
}
