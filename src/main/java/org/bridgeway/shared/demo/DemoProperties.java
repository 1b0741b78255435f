package org.bridgeway.shared.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where the demo writes files for the person trying it
 */
@ConfigurationProperties("bridgeway.demo")
public record DemoProperties(@DefaultValue("./data") Path directory) {}
