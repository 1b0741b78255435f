package org.bridgeway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Bridgeway: the shared workspace of a community-supervision network. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BridgewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(BridgewayApplication.class, args);
  }
}
