package org.bridgeway.matching.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.ServiceCandidate;
import org.bridgeway.directory.ServiceCandidate.Place;
import org.bridgeway.matching.Factor;
import org.bridgeway.matching.MatchingWeights;
import org.bridgeway.matching.Reason;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.supervision.NeedSeverity;

/**
 * The one scoring function of matching (ADR 0016), pure: the same person, services, weights and
 * time always give the same ranking. The recommendations facade calls it on the services the
 * directory pre-selects; the benchmark's exhaustive baseline calls it on every service.
 */
public final class MatchScoring {

  /** Farther than this from home, a service with locations is excluded. */
  public static final double MAX_TRAVEL_MILES = 50;

  /** The distance at which the distance factor reaches 0, without and with a transport barrier. */
  static final double DISTANCE_SCALE_MILES = 30;

  static final double BURDENED_DISTANCE_SCALE_MILES = 10;

  /** Capacity figures older than this count as unknown, as in the directory. */
  static final Duration STALE_AFTER = Duration.ofDays(7);

  /** The value of a factor scoring knows nothing about. */
  static final double NEUTRAL = 0.5;

  private static final double METERS_PER_MILE = 1609.344;
  private static final double EARTH_RADIUS_METERS = 6_371_008.8;

  /** Higher scores first; equal scores by service id, so that every ranking is total. */
  public static final Comparator<Outcome.Scored> RANKING =
      Comparator.comparingDouble(Outcome.Scored::score)
          .reversed()
          .thenComparing(s -> s.service().id().value());

  private MatchScoring() {}

  /** Scores every service and keeps the best {@code limit}, best first. */
  public static Ranking rank(
      Seeker seeker,
      Collection<ServiceCandidate> services,
      MatchingWeights weights,
      Instant now,
      int limit) {
    List<Outcome.Scored> scored = new ArrayList<>();
    List<Outcome.Excluded> excluded = new ArrayList<>();
    for (ServiceCandidate service : services) {
      switch (score(seeker, service, weights, now)) {
        case Outcome.Scored s -> scored.add(s);
        case Outcome.Excluded e -> excluded.add(e);
        case Outcome.Irrelevant ignored -> {}
      }
    }
    scored.sort(RANKING);
    excluded.sort(
        Comparator.comparing((Outcome.Excluded e) -> e.service().name())
            .thenComparing(e -> e.service().id().value()));
    return new Ranking(scored.subList(0, Math.min(limit, scored.size())), scored.size(), excluded);
  }

  /**
   * The best services and the excluded ones.
   *
   * @param ranked how many services were ranked in all
   */
  public record Ranking(List<Outcome.Scored> best, int ranked, List<Outcome.Excluded> excluded) {
    public Ranking {
      best = List.copyOf(best);
      excluded = List.copyOf(excluded);
    }
  }

  /** What one service is for the person: irrelevant, excluded (with every reason) or scored. */
  public static Outcome score(
      Seeker seeker, ServiceCandidate service, MatchingWeights weights, Instant now) {
    Set<NeedDomain> relevant = seeker.relevantDomains();
    if (service.needDomains().stream().noneMatch(relevant::contains)) {
      return new Outcome.Irrelevant(service);
    }
    List<Reason> failed = new ArrayList<>(eligibilityFailures(seeker, service));
    Double miles = distanceMiles(seeker.home(), service);
    if (miles != null && miles > MAX_TRAVEL_MILES) {
      failed.add(Reason.of("excluded.distance", oneDecimal(miles), oneDecimal(MAX_TRAVEL_MILES)));
    }
    if (!failed.isEmpty()) {
      return new Outcome.Excluded(service, failed);
    }

    Map<Factor, Double> values = new EnumMap<>(Factor.class);
    Map<Factor, List<Reason>> reasons = new EnumMap<>(Factor.class);
    for (Factor factor : Factor.values()) {
      reasons.put(factor, new ArrayList<>());
    }
    NeedDomain need = needFit(seeker, service, values, reasons.get(Factor.NEED_FIT));
    distance(seeker, service, miles, values, reasons.get(Factor.DISTANCE));
    capacity(service, now, values, reasons.get(Factor.CAPACITY));
    languageAccess(seeker, service, values, reasons.get(Factor.LANGUAGE_ACCESS));
    cost(service, values, reasons.get(Factor.COST));
    values.put(Factor.COMPLETION, NEUTRAL);

    int total = weights.total();
    Map<Factor, Double> contributions = new EnumMap<>(Factor.class);
    double score = 0;
    for (Factor factor : Factor.values()) {
      double points = total == 0 ? 0 : 100.0 * weights.of(factor) * values.get(factor) / total;
      contributions.put(factor, points);
      score += points;
    }
    // Reasons follow the factors that gave the most points.
    List<Factor> byPoints = new ArrayList<>(List.of(Factor.values()));
    byPoints.sort(
        Comparator.comparingDouble((Factor f) -> contributions.get(f))
            .reversed()
            .thenComparing(Enum::ordinal));
    List<Reason> ordered = new ArrayList<>();
    for (Factor factor : byPoints) {
      if (weights.of(factor) > 0) {
        ordered.addAll(reasons.get(factor));
      }
    }
    return new Outcome.Scored(service, score, contributions, need, miles, ordered);
  }

  /**
   * The eligibility rules the person fails for the service, each named with the facts at fault;
   * empty when eligible. An unknown fact fails no rule.
   */
  public static List<Reason> eligibilityFailures(Seeker seeker, ServiceCandidate service) {
    List<Reason> failed = new ArrayList<>();
    Integer age = seeker.age();
    if (age != null && service.minimumAge() != null && age < service.minimumAge()) {
      failed.add(Reason.of("excluded.ageBelow", age.toString(), service.minimumAge().toString()));
    }
    if (age != null && service.maximumAge() != null && age > service.maximumAge()) {
      failed.add(Reason.of("excluded.ageAbove", age.toString(), service.maximumAge().toString()));
    }
    if (seeker.gender() != null
        && !service.genders().isEmpty()
        && !service.genders().contains(seeker.gender())) {
      failed.add(Reason.of("excluded.gender", seeker.gender().name()));
    }
    if (seeker.supervisionType() != null
        && !service.supervisionTypes().isEmpty()
        && !service.supervisionTypes().contains(seeker.supervisionType())) {
      failed.add(Reason.of("excluded.supervisionType", seeker.supervisionType().name()));
    }
    if (seeker.supervisionLevel() != null
        && !service.supervisionLevels().isEmpty()
        && !service.supervisionLevels().contains(seeker.supervisionLevel())) {
      failed.add(Reason.of("excluded.supervisionLevel", seeker.supervisionLevel().name()));
    }
    Set<OffenseCategory> excluded = EnumSet.noneOf(OffenseCategory.class);
    excluded.addAll(seeker.offenses());
    excluded.retainAll(service.excludedOffenses());
    if (!excluded.isEmpty()) {
      failed.add(new Reason("excluded.offense", excluded.stream().map(Enum::name).toList()));
    }
    if (seeker.homeZip() != null
        && !service.residencyPostcodes().isEmpty()
        && !service.residencyPostcodes().contains(seeker.homeZip())) {
      failed.add(Reason.of("excluded.residence", seeker.homeZip()));
    }
    if (seeker.interpreterNeeded() && needsOtherLanguage(seeker) && !offers(service, seeker)) {
      failed.add(Reason.of("excluded.language", seeker.language()));
    }
    return failed;
  }

  private static NeedDomain needFit(
      Seeker seeker, ServiceCandidate service, Map<Factor, Double> values, List<Reason> reasons) {
    NeedDomain best = null;
    double bestValue = -1;
    double others = 0;
    int otherCount = 0;
    if (seeker.focus() != null) {
      best = seeker.focus();
      bestValue = 1.0;
    }
    // Needs by severity, then criminogenic before stabilization, then the enum's order: stable.
    List<Map.Entry<NeedDomain, NeedSeverity>> needs =
        seeker.needs().entrySet().stream()
            .filter(e -> e.getValue().needsAttention())
            .sorted(
                Comparator.comparing(
                        (Map.Entry<NeedDomain, NeedSeverity> e) -> e.getValue(),
                        Comparator.reverseOrder())
                    .thenComparing(e -> !e.getKey().criminogenic())
                    .thenComparing(Map.Entry::getKey))
            .toList();
    for (Map.Entry<NeedDomain, NeedSeverity> entry : needs) {
      if (!service.needDomains().contains(entry.getKey()) || entry.getKey() == seeker.focus()) {
        continue;
      }
      double value = severity(entry.getValue());
      if (best == null) {
        best = entry.getKey();
        bestValue = value;
      } else {
        others += value;
        otherCount++;
      }
    }
    double fit = Math.min(1.0, 0.85 * bestValue + 0.15 * Math.min(1.0, others));
    values.put(Factor.NEED_FIT, fit);
    if (seeker.focus() != null) {
      reasons.add(Reason.of("need.focus", best.name()));
    } else {
      NeedSeverity severity = seeker.needs().get(best);
      reasons.add(
          Reason.of(severity == NeedSeverity.HIGH ? "need.high" : "need.moderate", best.name()));
    }
    if (otherCount > 0) {
      reasons.add(Reason.of("need.also", Integer.toString(otherCount)));
    }
    return best;
  }

  static double severity(NeedSeverity severity) {
    return switch (severity) {
      case HIGH -> 1.0;
      case MODERATE -> 0.6;
      case NONE -> 0.0;
    };
  }

  private static void distance(
      Seeker seeker,
      ServiceCandidate service,
      Double miles,
      Map<Factor, Double> values,
      List<Reason> reasons) {
    boolean burdened = seeker.transportationBarrier();
    double value;
    if (service.remote()) {
      value = 1.0;
      reasons.add(Reason.of("distance.remote"));
    } else if (miles == null) {
      value = NEUTRAL;
      reasons.add(Reason.of("distance.unknown"));
    } else {
      double scale = burdened ? BURDENED_DISTANCE_SCALE_MILES : DISTANCE_SCALE_MILES;
      value = Math.max(0, 1 - miles / scale);
      reasons.add(Reason.of("distance", oneDecimal(miles)));
    }
    if (burdened && !service.remote()) {
      if (service.accessibility().contains(AccessibilityFeature.REMOTE_ATTENDANCE)) {
        value = Math.max(value, 0.9);
        reasons.add(Reason.of("distance.remoteAttendance"));
      } else if (service.accessibility().contains(AccessibilityFeature.NEAR_PUBLIC_TRANSIT)) {
        value = Math.min(1.0, value + 0.2);
        reasons.add(Reason.of("distance.transit"));
      }
    }
    values.put(Factor.DISTANCE, value);
  }

  private static void capacity(
      ServiceCandidate service, Instant now, Map<Factor, Double> values, List<Reason> reasons) {
    ServiceCandidate.Capacity capacity = service.capacity();
    double value;
    if (capacity == null || capacity.updatedAt().isBefore(now.minus(STALE_AFTER))) {
      value = NEUTRAL;
      reasons.add(Reason.of("capacity.unknown"));
    } else if (capacity.openSlots() > 0) {
      value = 1.0;
      reasons.add(Reason.of("capacity.open", Integer.toString(capacity.openSlots())));
    } else {
      Integer days = capacity.estimatedWaitDays();
      value =
          days != null
              ? Math.max(0.05, 0.45 - days / 120.0)
              : Math.max(0.05, 0.4 - capacity.waitlistLength() * 0.02);
      reasons.add(
          days == null
              ? Reason.of("capacity.waitlist", Integer.toString(capacity.waitlistLength()))
              : Reason.of(
                  "capacity.waitlistDays",
                  Integer.toString(capacity.waitlistLength()),
                  days.toString()));
    }
    values.put(Factor.CAPACITY, value);
  }

  private static void languageAccess(
      Seeker seeker, ServiceCandidate service, Map<Factor, Double> values, List<Reason> reasons) {
    double language = 1.0;
    if (needsOtherLanguage(seeker)) {
      if (offers(service, seeker)) {
        reasons.add(Reason.of("language.offered", seeker.language()));
      } else {
        language = 0.3;
        reasons.add(Reason.of("language.notOffered", seeker.language()));
      }
    }
    double access = 1.0;
    if (seeker.disability()) {
      Set<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
      features.addAll(service.accessibility());
      features.remove(AccessibilityFeature.NEAR_PUBLIC_TRANSIT);
      if (features.isEmpty()) {
        access = 0.3;
        reasons.add(Reason.of("access.none"));
      } else {
        reasons.add(Reason.of("access.offered", Integer.toString(features.size())));
      }
    }
    values.put(Factor.LANGUAGE_ACCESS, (language + access) / 2);
  }

  private static void cost(
      ServiceCandidate service, Map<Factor, Double> values, List<Reason> reasons) {
    double value;
    if (service.costKind() == null) {
      value = NEUTRAL;
      reasons.add(Reason.of("cost.unknown"));
    } else {
      value =
          switch (service.costKind()) {
            case FREE -> 1.0;
            case SLIDING_SCALE -> 0.8;
            case INSURANCE -> 0.6;
            case FIXED -> 0.3;
          };
      reasons.add(Reason.of("cost." + service.costKind().name()));
    }
    values.put(Factor.COST, value);
  }

  private static boolean needsOtherLanguage(Seeker seeker) {
    return seeker.language() != null && !"en".equals(seeker.language());
  }

  private static boolean offers(ServiceCandidate service, Seeker seeker) {
    for (String code : DirectorySearchQuery.Languages.equivalents(seeker.language())) {
      if (service.languages().contains(code)) {
        return true;
      }
    }
    return false;
  }

  /** The miles to the service's nearest location; null when unknown or remote. */
  public static Double distanceMiles(Place home, ServiceCandidate service) {
    if (home == null || service.places().isEmpty()) {
      return null;
    }
    double best = Double.MAX_VALUE;
    for (Place place : service.places()) {
      best = Math.min(best, meters(home, place));
    }
    return best / METERS_PER_MILE;
  }

  private static double meters(Place a, Place b) {
    double dLat = Math.toRadians(b.latitude() - a.latitude());
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude()))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
