package org.bridgeway.outcomes.equity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bridgeway.directory.AreaCapacity;
import org.bridgeway.directory.ServiceCandidates;
import org.bridgeway.outcomes.evidence.Estimates;
import org.bridgeway.outcomes.evidence.EvidenceScope;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.AreaNeed;
import org.bridgeway.supervision.SupervisionNeeds;
import org.springframework.stereotype.Service;

/**
 * Service gaps: the people with an assessed need (open cases, latest assessment MODERATE or HIGH)
 * against the open slots and waitlists of the services addressing that need, by need domain and ZIP
 * code, greatest unmet need first (ADR 0028). Unmet = people in need − open slots.
 */
@Service
public class ServiceGaps {

  /** The area of people without an address and of services without a location. */
  public static final String NO_AREA = "";

  /**
   * One domain in one area. {@code needing} is null (and {@code unmet} with it) when fewer than 11
   * people: such a cell is shown as too few, after the others.
   */
  public record Gap(
      NeedDomain domain,
      String area,
      Long needing,
      int services,
      int openSlots,
      int waitlist,
      Long unmet) {

    public boolean tooFew() {
      return needing == null;
    }
  }

  private final SupervisionNeeds needs;
  private final ServiceCandidates services;
  private final Clock clock;

  ServiceGaps(SupervisionNeeds needs, ServiceCandidates services, Clock clock) {
    this.needs = needs;
    this.services = services;
    this.clock = clock;
  }

  /** The gaps of the scope's people (capacity is the network's), greatest unmet need first. */
  public List<Gap> of(EvidenceScope scope) {
    Map<String, long[]> cells = new TreeMap<>();
    for (AreaNeed need : needs.openCaseNeedsByArea(scope.agency())) {
      cells.computeIfAbsent(key(need.domain(), need.area()), k -> new long[4])[0] += need.people();
    }
    for (AreaCapacity capacity : services.capacityByArea(clock.instant())) {
      long[] cell =
          cells.computeIfAbsent(key(capacity.domain(), capacity.area()), k -> new long[4]);
      cell[1] += capacity.services();
      cell[2] += capacity.openSlots();
      cell[3] += capacity.waitlist();
    }
    List<Gap> gaps = new ArrayList<>();
    for (var cell : cells.entrySet()) {
      String[] parts = cell.getKey().split("\\|", -1);
      long[] c = cell.getValue();
      boolean tooFew = c[0] > 0 && c[0] < Estimates.SMALLEST_GROUP;
      gaps.add(
          new Gap(
              NeedDomain.valueOf(parts[0]),
              parts[1],
              tooFew ? null : c[0],
              (int) c[1],
              (int) c[2],
              (int) c[3],
              tooFew ? null : c[0] - c[2]));
    }
    gaps.sort(
        Comparator.comparing(Gap::tooFew)
            .thenComparing(g -> g.unmet() == null ? 0 : -g.unmet())
            .thenComparing(g -> -g.waitlist())
            .thenComparing(Gap::domain)
            .thenComparing(Gap::area));
    return gaps;
  }

  private static String key(NeedDomain domain, String area) {
    return domain.name() + "|" + (area == null ? NO_AREA : area);
  }
}
