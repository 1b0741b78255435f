package org.bridgeway.identity.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session rules (CJIS): lock after {@code idleTimeout} without activity, sign in again after {@code
 * maximumAge} whatever the activity.
 */
@ConfigurationProperties("bridgeway.session")
public record SessionPolicyProperties(
    @DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration maximumAge) {}
