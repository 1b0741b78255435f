package org.bridgeway.outcomes.measure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bridgeway.outcomes.measure.Estimates.Step;
import org.bridgeway.outcomes.measure.OutcomeMeasures.Curve;
import org.bridgeway.outcomes.measure.OutcomeMeasures.Dashboard;
import org.bridgeway.outcomes.measure.OutcomeMeasures.GroupFigures;
import org.bridgeway.outcomes.measure.OutcomeMeasures.ProgramFigures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a dashboard page needs beyond the figures: the groups' names, the survival read at one, two
 * and three years, and the charts' data for static/js/charts.js (each chart also has a table).
 */
@Component
class DashboardView {

  /** Days of the survival table's columns: one, two and three years. */
  static final int[] SURVIVAL_DAYS = {365, 730, 1095};

  private final GroupLabels labels;
  private final MessageSource messages;
  private final JsonMapper json;

  DashboardView(GroupLabels labels, MessageSource messages, JsonMapper json) {
    this.labels = labels;
    this.messages = messages;
    this.json = json;
  }

  /** A survival curve read at the table's days. */
  record SurvivalRow(String key, String label, int people, int events, List<Step> at) {}

  record View(
      Map<String, String> labels,
      List<SurvivalRow> survival,
      String recidivismChart,
      String survivalChart,
      String programsChart,
      String revocationsChart) {}

  View of(Dashboard dashboard, Locale locale) {
    List<String> keys = new ArrayList<>();
    dashboard.groups().forEach(g -> keys.add(g.key()));
    dashboard.curves().forEach(c -> keys.add(c.key()));
    Map<String, String> names =
        new LinkedHashMap<>(labels.of(dashboard.filter().groupBy(), keys, locale));
    names.put("ALL", text("outcomeMeasures.all", locale));
    names.put(dashboard.filter().kind().name(), text("outcomeMeasures.all", locale));
    List<SurvivalRow> survival = new ArrayList<>();
    for (Curve curve : dashboard.curves()) {
      List<Step> at = new ArrayList<>();
      for (int day : SURVIVAL_DAYS) {
        at.add(stepAt(curve.steps(), day));
      }
      survival.add(
          new SurvivalRow(
              curve.key(),
              names.getOrDefault(curve.key(), curve.key()),
              curve.people(),
              curve.events(),
              at));
    }
    return new View(
        names,
        survival,
        recidivismChart(dashboard, names, locale),
        survivalChart(dashboard, names, locale),
        programsChart(dashboard, locale),
        revocationsChart(dashboard, locale));
  }

  /** The survival just after the last event on or before the day (1 before any event). */
  static Step stepAt(List<Step> steps, int day) {
    Step found = null;
    for (Step step : steps) {
      if (step.day() <= day) {
        found = step;
      }
    }
    return found != null ? found : new Step(0, 0, 0, 1, 1, 1);
  }

  private String recidivismChart(Dashboard d, Map<String, String> names, Locale locale) {
    List<GroupFigures> rows = d.groups().isEmpty() ? List.of(d.total()) : d.groups();
    List<String> labels = rows.stream().map(g -> names.getOrDefault(g.key(), g.key())).toList();
    return json.writeValueAsString(
        Map.of(
            "type",
            "bar",
            "labels",
            labels,
            "datasets",
            List.of(
                dataset(
                    text("outcomeMeasures.within1", locale),
                    rows.stream().map(g -> percent(g.recidivism1().value())).toList()),
                dataset(
                    text("outcomeMeasures.within2", locale),
                    rows.stream().map(g -> percent(g.recidivism2().value())).toList()),
                dataset(
                    text("outcomeMeasures.within3", locale),
                    rows.stream().map(g -> percent(g.recidivism3().value())).toList()))));
  }

  private String survivalChart(Dashboard d, Map<String, String> names, Locale locale) {
    // read every three months up to three years: one x axis for every curve
    List<String> labels = new ArrayList<>();
    List<Integer> days = new ArrayList<>();
    for (int month = 0; month <= 36; month += 3) {
      labels.add(messages.getMessage("outcomeMeasures.month", new Object[] {month}, locale));
      days.add((int) Math.round(month * 365.25 / 12));
    }
    List<Map<String, Object>> sets = new ArrayList<>();
    for (Curve curve : d.curves()) {
      sets.add(
          dataset(
              names.getOrDefault(curve.key(), curve.key()),
              days.stream().map(day -> percent(stepAt(curve.steps(), day).survival())).toList()));
    }
    return json.writeValueAsString(Map.of("type", "line", "labels", labels, "datasets", sets));
  }

  private String programsChart(Dashboard d, Locale locale) {
    List<ProgramFigures> rows = d.programs();
    return json.writeValueAsString(
        Map.of(
            "type", "bar",
            "labels", rows.stream().map(p -> p.name() == null ? p.programId() : p.name()).toList(),
            "datasets",
                List.of(
                    dataset(
                        text("outcomeMeasures.completionRate", locale),
                        rows.stream().map(p -> percent(p.completion().value())).toList()),
                    dataset(
                        text("outcomeMeasures.engagement", locale),
                        rows.stream().map(p -> percent(p.engagement().value())).toList()))));
  }

  private String revocationsChart(Dashboard d, Locale locale) {
    List<String> labels =
        d.revocationsByType().keySet().stream().map(k -> revocationType(k, locale)).toList();
    return json.writeValueAsString(
        Map.of(
            "type",
            "bar",
            "labels",
            labels,
            "datasets",
            List.of(
                dataset(
                    text("outcomeMeasures.revocations", locale),
                    List.copyOf(d.revocationsByType().values())))));
  }

  String revocationType(String type, Locale locale) {
    return "TECHNICAL".equals(type)
        ? text("outcomeMeasures.revocation.TECHNICAL", locale)
        : messages.getMessage("offenseCategory." + type, null, type, locale);
  }

  private static Map<String, Object> dataset(String label, List<?> data) {
    return Map.of("label", label, "data", data);
  }

  private static Double percent(Double value) {
    return value == null ? null : Math.round(value * 1000) / 10.0;
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
