package org.bridgeway.shared.persistence;

import java.lang.reflect.Constructor;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeway.shared.Identifier;
import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Converts typed identifiers to and from {@code uuid} columns. Spring Data needs each source and
 * target pair spelled out, so the pairs are built from the identifier types found on the class path
 * rather than written by hand in every module.
 */
final class TypedIdConverter {

  private TypedIdConverter() {}

  @WritingConverter
  static final class ToUuid implements GenericConverter {
    private final Set<ConvertiblePair> pairs = new HashSet<>();

    ToUuid(Set<Class<? extends Identifier>> types) {
      types.forEach(type -> pairs.add(new ConvertiblePair(type, UUID.class)));
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
      return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
      return source == null ? null : ((Identifier) source).value();
    }
  }

  @ReadingConverter
  static final class FromUuid implements GenericConverter {
    private final Set<ConvertiblePair> pairs = new HashSet<>();
    private final Map<Class<?>, Constructor<?>> constructors = new ConcurrentHashMap<>();

    FromUuid(Set<Class<? extends Identifier>> types) {
      for (Class<? extends Identifier> type : types) {
        pairs.add(new ConvertiblePair(UUID.class, type));
        try {
          constructors.put(type, type.getDeclaredConstructor(UUID.class));
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(type + " must be a record with one UUID component", e);
        }
      }
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
      return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
      if (source == null) {
        return null;
      }
      return BeanUtils.instantiateClass(constructors.get(targetType.getType()), source);
    }
  }
}
