package org.bridgeway.supervision.assessment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.RiskLevel;

/**
 * What an agency's instrument asks and how it scores: a section per need domain with its items
 * (question and answer options with points) and the points from which the domain's need is MODERATE
 * or HIGH, and the total points from which the overall risk is MODERATE, HIGH or VERY_HIGH. Scoring
 * is a plain sum: the points of the chosen options per domain, and of all domains for the total
 * (ADR 0010).
 */
public record InstrumentDefinition(List<Section> sections, RiskThresholds risk) {

  public static final int MAX_SECTIONS = NeedDomain.values().length;
  public static final int MAX_ITEMS = 30;
  public static final int MAX_OPTIONS = 8;
  public static final int MAX_POINTS = 20;
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** One need domain's items and severity thresholds (points, inclusive). */
  public record Section(NeedDomain domain, List<Item> items, int moderateFrom, int highFrom) {

    public Section {
      items = items == null ? List.of() : List.copyOf(items);
    }

    int maximum() {
      return items.stream().mapToInt(Item::maximum).sum();
    }

    NeedSeverity severityOf(int points) {
      if (points >= highFrom) {
        return NeedSeverity.HIGH;
      }
      return points >= moderateFrom ? NeedSeverity.MODERATE : NeedSeverity.NONE;
    }
  }

  /** A question with its answer options; the key names it in answers. */
  public record Item(String key, String text, List<Option> options) {

    public Item {
      options = options == null ? List.of() : List.copyOf(options);
    }

    int maximum() {
      return options.stream().mapToInt(Option::points).max().orElse(0);
    }
  }

  /** An answer and the points it scores. */
  public record Option(String label, int points) {}

  /** Total points (inclusive) from which the overall risk is MODERATE, HIGH, VERY_HIGH. */
  public record RiskThresholds(int moderateFrom, int highFrom, int veryHighFrom) {

    RiskLevel levelOf(int total) {
      if (total >= veryHighFrom) {
        return RiskLevel.VERY_HIGH;
      }
      if (total >= highFrom) {
        return RiskLevel.HIGH;
      }
      return total >= moderateFrom ? RiskLevel.MODERATE : RiskLevel.LOW;
    }
  }

  /** The result of scoring a complete set of answers. */
  public record Scored(Map<NeedDomain, DomainResult> domains, int total, RiskLevel riskLevel) {}

  public InstrumentDefinition {
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /** The domains the instrument covers, in its order. */
  public List<NeedDomain> domains() {
    return sections.stream().map(Section::domain).toList();
  }

  /** Every rule the definition breaks, one per field (paths as in the API's JSON). */
  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
      violations.add(
          new FieldViolation(
              "definition.sections", "Size", "must have 1 to " + MAX_SECTIONS + " sections"));
    }
    Set<NeedDomain> domains = new HashSet<>();
    Set<String> keys = new HashSet<>();
    int total = 0;
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      String path = "definition.sections[" + s + "]";
      if (section == null) {
        violations.add(new FieldViolation(path, "NotNull", "must not be null"));
        continue;
      }
      if (section.domain() == null) {
        violations.add(new FieldViolation(path + ".domain", "NotNull", "must not be null"));
      } else if (!domains.add(section.domain())) {
        violations.add(
            new FieldViolation(path + ".domain", "Duplicate", "appears in another section"));
      }
      if (section.items().isEmpty() || section.items().size() > MAX_ITEMS) {
        violations.add(
            new FieldViolation(path + ".items", "Size", "must have 1 to " + MAX_ITEMS + " items"));
      }
      for (int i = 0; i < section.items().size(); i++) {
        itemViolations(section.items().get(i), path + ".items[" + i + "]", keys, violations);
      }
      int maximum = section.maximum();
      total += maximum;
      if (section.moderateFrom() < 1
          || section.highFrom() <= section.moderateFrom()
          || section.highFrom() > maximum) {
        violations.add(
            new FieldViolation(
                path + ".highFrom",
                "Thresholds",
                "must satisfy 1 <= moderateFrom < highFrom <= the section's most points ("
                    + maximum
                    + ")"));
      }
    }
    if (risk == null) {
      violations.add(new FieldViolation("definition.risk", "NotNull", "must not be null"));
    } else if (risk.moderateFrom() < 1
        || risk.highFrom() <= risk.moderateFrom()
        || risk.veryHighFrom() <= risk.highFrom()
        || risk.veryHighFrom() > total) {
      violations.add(
          new FieldViolation(
              "definition.risk",
              "Thresholds",
              "must satisfy 1 <= moderateFrom < highFrom < veryHighFrom <= the most points ("
                  + total
                  + ")"));
    }
    return violations;
  }

  private static void itemViolations(
      Item item, String path, Set<String> keys, List<FieldViolation> violations) {
    if (item == null) {
      violations.add(new FieldViolation(path, "NotNull", "must not be null"));
      return;
    }
    if (item.key() == null || !KEY.matcher(item.key()).matches()) {
      violations.add(
          new FieldViolation(
              path + ".key", "Pattern", "must be 1 to 40 lower-case letters, digits or dashes"));
    } else if (!keys.add(item.key())) {
      violations.add(new FieldViolation(path + ".key", "Duplicate", "is used by another item"));
    }
    if (item.text() == null || item.text().isBlank() || item.text().length() > 500) {
      violations.add(new FieldViolation(path + ".text", "Size", "must have 1 to 500 characters"));
    }
    if (item.options().size() < 2 || item.options().size() > MAX_OPTIONS) {
      violations.add(
          new FieldViolation(
              path + ".options", "Size", "must have 2 to " + MAX_OPTIONS + " options"));
    }
    for (int o = 0; o < item.options().size(); o++) {
      Option option = item.options().get(o);
      String at = path + ".options[" + o + "]";
      if (option == null) {
        violations.add(new FieldViolation(at, "NotNull", "must not be null"));
        continue;
      }
      if (option.label() == null || option.label().isBlank() || option.label().length() > 200) {
        violations.add(new FieldViolation(at + ".label", "Size", "must have 1 to 200 characters"));
      }
      if (option.points() < 0 || option.points() > MAX_POINTS) {
        violations.add(
            new FieldViolation(at + ".points", "Range", "must be from 0 to " + MAX_POINTS));
      }
    }
  }

  /**
   * Scores a complete set of answers.
   *
   * @param answers the chosen option's index (from 0) per item key
   * @return the score, or null if {@code violations} received a problem with the answers
   */
  public Scored score(Map<String, Integer> answers, List<FieldViolation> violations) {
    Set<String> known = new HashSet<>();
    Map<NeedDomain, DomainResult> results = new EnumMap<>(NeedDomain.class);
    int total = 0;
    int before = violations.size();
    for (Section section : sections) {
      int points = 0;
      for (Item item : section.items()) {
        known.add(item.key());
        Integer chosen = answers.get(item.key());
        if (chosen == null) {
          violations.add(
              new FieldViolation("answers." + item.key(), "NotNull", "must be answered"));
        } else if (chosen < 0 || chosen >= item.options().size()) {
          violations.add(
              new FieldViolation("answers." + item.key(), "UnknownOption", "is not an option"));
        } else {
          points += item.options().get(chosen).points();
        }
      }
      results.put(section.domain(), new DomainResult(section.severityOf(points), points));
      total += points;
    }
    answers.keySet().stream()
        .filter(key -> !known.contains(key))
        .sorted()
        .forEach(
            key ->
                violations.add(
                    new FieldViolation(
                        "answers." + key, "UnknownItem", "is not an item of the instrument")));
    if (violations.size() > before) {
      return null;
    }
    return new Scored(results, total, risk.levelOf(total));
  }
}
