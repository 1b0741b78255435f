package org.bridgeway.shared.demo;

/**
 * One module's part of the demo data. Steps run in {@link #order()} at start-up in the demo profile
 * only. A step must be deterministic (use {@link DemoData#random(String)}, never the system random)
 * and idempotent: on a restart it finds its data already there and adds nothing.
 */
public interface DemoDataStep {

  /** Lower runs first; identity is 100, later modules build on it with higher numbers. */
  int order();

  void seed(DemoData demo);
}
