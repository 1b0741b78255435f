package org.bridgeway.outcomes.measure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The computed dashboards, by everything that decides them (scope, filters, as-of date). Dropped
 * whenever the facts change, so a figure is never older than the last committed change; the as-of
 * date in the key makes a new day a new entry. Bounded: when full it is simply emptied, as the
 * entries are cheap to compute again from the facts.
 */
@Component
public class MeasureCache {

  private static final int CAPACITY = 500;

  private final Map<Object, Object> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    Object found = entries.get(key);
    if (found != null) {
      return (T) found;
    }
    // a figure computed while the facts changed is returned but not kept: it may predate the change
    long before = generation.get();
    T computed = compute.get();
    if (entries.size() >= CAPACITY) {
      entries.clear();
    }
    if (generation.get() == before) {
      entries.put(key, computed);
    }
    return computed;
  }

  /** Forgets every entry, after the facts changed. */
  public void clear() {
    generation.incrementAndGet();
    entries.clear();
  }
}
