package org.bridgeway.referrals.lifecycle;

import org.bridgeway.directory.ServiceId;
import org.bridgeway.supervision.PersonId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The eligibility check used while no other is defined: the supervision module does not yet offer a
 * person's facts (age, gender, offense categories) to other modules, so nobody is found ineligible
 * here. Defining another {@link EligibilityCheck} bean (matching's recommendations) replaces this
 * one.
 */
@Configuration(proxyBeanMethods = false)
class OpenEligibility {

  @Bean
  @ConditionalOnMissingBean(EligibilityCheck.class)
  EligibilityCheck openEligibilityCheck() {
    return (PersonId person, ServiceId service) -> EligibilityCheck.Verdict.allowed();
  }
}
