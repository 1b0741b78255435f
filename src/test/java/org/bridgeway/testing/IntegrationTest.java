package org.bridgeway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a fresh embedded PostgreSQL, with a {@link MutableClock}
 * in place of the system clock. Contexts are cached, so tests that share this annotation share one
 * database: tests must create their own data and not assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import({
  TestClockConfiguration.class,
  TestUsers.class,
  DirectoryFixtures.class,
  SupervisionFixtures.class,
  CareFixtures.class,
  ConsentFixtures.class,
  NotificationFixtures.class,
  ReferralFixtures.class,
  ContinuityFixtures.class
})
public @interface IntegrationTest {}
