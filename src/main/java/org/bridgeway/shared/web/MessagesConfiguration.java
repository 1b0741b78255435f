package org.bridgeway.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The message bundles of every module (spring.messages.basename), merged once per locale. Spring
 * Boot's default source asks each bundle in turn and pays for a MissingResourceException at every
 * bundle that lacks the key; with a bundle per module that made wording a page of search results
 * cost as much as the search. Merged and cached, a lookup is one map access and each message format
 * is parsed once.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

  @Bean
  MessageSource messageSource(
      @Value("${spring.messages.basename}") List<String> basenames,
      @Value("${spring.messages.fallback-to-system-locale:false}") boolean fallbackToSystemLocale) {
    ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
    source.setBasenames(
        basenames.stream()
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .map(name -> name.startsWith("classpath:") ? name : "classpath:" + name)
            .toArray(String[]::new));
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setFallbackToSystemLocale(fallbackToSystemLocale);
    // Bundles are part of the build: read once, never reloaded.
    source.setCacheMillis(-1);
    return source;
  }
}
