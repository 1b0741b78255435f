package org.bridgeway.directory.search;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of directory search ({@code bridgeway.directory.search.*}).
 *
 * @param timeZone the zone that HSDS opening hours are in and "open now" is judged in; the
 *     application clock's zone when not set
 */
@ConfigurationProperties("bridgeway.directory.search")
public record SearchProperties(ZoneId timeZone) {}
