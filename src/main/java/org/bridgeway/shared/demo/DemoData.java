package org.bridgeway.shared.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What demo steps share: seeded randomness, stable ids, and the lines to show the person trying the
 * demo (sign-ins, where the API tokens are).
 */
public final class DemoData {

  /** The one seed all demo data grows from. */
  public static final long SEED = 20_261_123L;

  private final Path directory;
  private final List<String> announcements = new ArrayList<>();

  public DemoData(Path directory) {
    this.directory = directory;
  }

  /** A random generator for one purpose; the same purpose always gives the same sequence. */
  public Random random(String purpose) {
    return new Random(SEED ^ purpose.hashCode());
  }

  /** A stable id: the same name gives the same UUID on every run and every machine. */
  public UUID id(String name) {
    return UUID.nameUUIDFromBytes(("bridgeway-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }

  /** Where demo files (such as the API tokens) are written. */
  public Path directory() {
    return directory;
  }

  /** A line printed in the start-up banner. */
  public void announce(String line) {
    announcements.add(line);
  }

  List<String> announcements() {
    return List.copyOf(announcements);
  }
}
