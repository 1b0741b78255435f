package org.bridgeway.testing.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.NotificationFixtures;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestClockConfiguration;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives the running application in headless Chromium. The application listens on a
 * random port with the test profile (a fresh embedded PostgreSQL) and a {@link
 * org.bridgeway.testing.MutableClock}; test methods take a {@link Browser} parameter.
 *
 * <p>Name such classes {@code *IT}: they run in {@code ./mvnw verify} (failsafe). They need
 * Debian's {@code chromium} and {@code chromium-driver} and fail, rather than skip, without them.
 * One browser serves all tests of a class; its cookies are deleted before each test. Every browser
 * test shares this one set-up (fixtures included), so they all run in one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({
  TestClockConfiguration.class,
  TestUsers.class,
  SupervisionFixtures.class,
  CareFixtures.class,
  NotificationFixtures.class,
  DirectoryFixtures.class
})
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
