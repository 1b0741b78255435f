package org.bridgeway.directory.listing.web;

import java.util.ArrayList;
import java.util.List;
import org.bridgeway.directory.profile.Capacity;

/**
 * A small bar chart of open slots over the recent reports, drawn as SVG on the server (no script,
 * nothing inline the Content-Security-Policy forbids). The history table beside it carries the same
 * figures for screen readers.
 */
record CapacityChart(List<Bar> bars, int maximum) {

  static final double WIDTH = 300;
  static final double HEIGHT = 100;

  /** One report: where its bar stands in the 300 x 100 drawing. */
  record Bar(double x, double y, double width, double height, int openSlots) {}

  /** The chart of a history given newest first, drawn oldest to newest. */
  static CapacityChart of(List<Capacity> newestFirst) {
    List<Capacity> history = new ArrayList<>(newestFirst).reversed();
    int maximum = Math.max(1, history.stream().mapToInt(Capacity::openSlots).max().orElse(1));
    List<Bar> bars = new ArrayList<>();
    double slot = history.isEmpty() ? WIDTH : WIDTH / history.size();
    for (int i = 0; i < history.size(); i++) {
      int open = history.get(i).openSlots();
      double height = Math.max(1, HEIGHT * open / maximum);
      bars.add(new Bar(i * slot + slot * 0.15, HEIGHT - height, slot * 0.7, height, open));
    }
    return new CapacityChart(bars, maximum);
  }
}
