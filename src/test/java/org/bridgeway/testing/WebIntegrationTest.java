package org.bridgeway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the running application over real HTTP on a random port, with a fresh embedded
 * PostgreSQL and a {@link MutableClock}. Browser tests use the same set-up, so they share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({
  TestClockConfiguration.class,
  TestUsers.class,
  DirectoryFixtures.class,
  SupervisionFixtures.class,
  CareFixtures.class,
  ReferralFixtures.class
})
public @interface WebIntegrationTest {}
