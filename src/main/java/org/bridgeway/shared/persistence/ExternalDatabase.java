package org.bridgeway.shared.persistence;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Whether the operator pointed Bridgeway at an external PostgreSQL. */
public final class ExternalDatabase {

  private ExternalDatabase() {}

  public static boolean isConfigured(Environment environment) {
    return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
  }
}
