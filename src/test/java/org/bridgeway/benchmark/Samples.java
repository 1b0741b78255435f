package org.bridgeway.benchmark;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Latencies of one measured operation, in nanoseconds, with the statistics a report shows. */
public final class Samples {

  private long[] nanos = new long[1024];
  private int size;

  public synchronized void add(long elapsedNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = elapsedNanos;
  }

  /** Times one call and records it. */
  public <T> T time(java.util.function.Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    add(System.nanoTime() - start);
    return result;
  }

  public synchronized int count() {
    return size;
  }

  /** The value below which the given fraction of samples fall (nearest rank). */
  public synchronized double percentileMillis(double fraction) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))]
        / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }

  public double medianMillis() {
    return percentileMillis(0.5);
  }

  public double p99Millis() {
    return percentileMillis(0.99);
  }
}
