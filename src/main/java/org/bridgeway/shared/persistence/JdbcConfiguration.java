package org.bridgeway.shared.persistence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bridgeway.shared.Identifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Spring Data JDBC set-up shared by all modules: registers the typed-id conversions for every
 * {@link Identifier} record under {@code org.bridgeway}.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

  @Override
  protected List<?> userConverters() {
    Set<Class<? extends Identifier>> types = identifierTypes();
    return List.of(new TypedIdConverter.ToUuid(types), new TypedIdConverter.FromUuid(types));
  }

  @SuppressWarnings("unchecked")
  static Set<Class<? extends Identifier>> identifierTypes() {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(
              org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isIndependent()
                && definition.getMetadata().isConcrete();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Identifier.class));
    Set<Class<? extends Identifier>> types = new LinkedHashSet<>();
    for (var candidate : scanner.findCandidateComponents("org.bridgeway")) {
      types.add(
          (Class<? extends Identifier>)
              ClassUtils.resolveClassName(
                  candidate.getBeanClassName(), JdbcConfiguration.class.getClassLoader()));
    }
    return types;
  }
}
