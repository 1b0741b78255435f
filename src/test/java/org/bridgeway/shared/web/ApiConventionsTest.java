package org.bridgeway.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.bridgeway.testing.IntegrationTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An integration test of the API conventions through MockMvc, with the test-only endpoint {@link
 * ApiConventionsTestController} in place. All such tests share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@AutoConfigureMockMvc
@Import({ApiConventionsTestController.class, ApiConventionsTestController.Gate.class})
@interface ApiConventionsTest {}
