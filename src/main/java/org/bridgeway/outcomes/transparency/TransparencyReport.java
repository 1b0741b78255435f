package org.bridgeway.outcomes.transparency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.outcomes.measure.Estimates.Rate;
import org.bridgeway.outcomes.measure.MeasureFilter;
import org.bridgeway.outcomes.measure.MeasureFilter.GroupBy;
import org.bridgeway.outcomes.measure.MeasureFilter.Request;
import org.bridgeway.outcomes.measure.MeasureScope;
import org.bridgeway.outcomes.measure.OutcomeMeasures;
import org.bridgeway.outcomes.measure.OutcomeMeasures.Dashboard;
import org.bridgeway.outcomes.measure.OutcomeMeasures.GroupFigures;
import org.bridgeway.outcomes.statistics.SmallCellSuppression;
import org.bridgeway.outcomes.statistics.SuppressedTable;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.stereotype.Service;

/**
 * The public transparency report: aggregate figures of one agency or of the network, by one
 * demographic dimension, with every count under {@value #THRESHOLD} people suppressed together with
 * the complementary figures that would let it be worked out from the totals ({@link
 * SmallCellSuppression}). The true value of a suppressed figure never leaves this class: the tables
 * hold {@link SuppressedTable#WITHHELD} in its place, and a rate is shown only when both its count
 * and its total are published.
 */
@Service
public class TransparencyReport {

  /** The smallest count of people that is published. */
  public static final long THRESHOLD = 11;

  /** The dimensions the public report breaks figures down by. */
  public static final List<GroupBy> DIMENSIONS =
      List.of(GroupBy.RACE, GroupBy.ETHNICITY, GroupBy.GENDER, GroupBy.AGE_BAND);

  private final OutcomeMeasures measures;
  private final NetworkOrganizations organizations;

  TransparencyReport(OutcomeMeasures measures, NetworkOrganizations organizations) {
    this.measures = measures;
    this.organizations = organizations;
  }

  /** One published figure: a count, or withheld. */
  public record Cell(long value, boolean suppressed) {
    public static Cell of(SuppressedTable table, int row, int column) {
      return new Cell(table.cells()[row][column], table.isSuppressed(row, column));
    }
  }

  /**
   * One published rate: its count and total (either may be withheld) and the rate when both show.
   */
  public record PublishedRate(Cell count, Cell of, Double rate) {
    static PublishedRate of(Cell count, Cell of) {
      Double rate =
          count.suppressed() || of.suppressed() || of.value() == 0
              ? null
              : (double) count.value() / of.value();
      return new PublishedRate(count, of, rate);
    }

    public boolean suppressed() {
      return rate == null && (count.suppressed() || of.suppressed());
    }
  }

  /** One row: a group, or the total. */
  public record Row(String key, Cell people, List<PublishedRate> rates) {}

  /**
   * The report.
   *
   * @param measures the measures in column order: people, then each rate of {@link #MEASURES}
   */
  public record Report(
      UUID agency,
      String agencyName,
      GroupBy dimension,
      MeasureFilter.Definition definition,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      List<String> measures,
      List<Row> rows,
      Row total) {}

  /** The rates the report publishes, each from the figures of a group. */
  public static final List<String> MEASURES =
      List.of("recidivism1", "recidivism2", "recidivism3", "employed12", "supervisionSuccess");

  private static final List<Function<GroupFigures, Rate>> RATES =
      List.of(
          GroupFigures::recidivism1,
          GroupFigures::recidivism2,
          GroupFigures::recidivism3,
          GroupFigures::employed12,
          GroupFigures::supervisionSuccess);

  /** The agencies a visitor may choose, by name. */
  public List<NetworkOrganization> agencies() {
    return organizations.activeOfKind(OrganizationKind.PROBATION_AGENCY).stream()
        .sorted(Comparator.comparing(NetworkOrganization::name))
        .toList();
  }

  /** A parameter of the public report that cannot be used. */
  public static final class ReportRejected extends RuntimeException {
    private final transient FieldViolation violation;

    ReportRejected(FieldViolation violation) {
      super(violation.field() + " " + violation.message());
      this.violation = violation;
    }

    public FieldViolation violation() {
      return violation;
    }
  }

  public Report report(
      String agencyParameter, String dimensionParameter, String definitionParameter) {
    return report(agencyParameter, dimensionParameter, definitionParameter, measures.today());
  }

  public Report report(
      String agencyParameter,
      String dimensionParameter,
      String definitionParameter,
      LocalDate asOf) {
    NetworkOrganization agency = null;
    if (agencyParameter != null && !agencyParameter.isBlank()) {
      UUID id;
      try {
        id = UUID.fromString(agencyParameter.strip());
      } catch (IllegalArgumentException e) {
        throw new ReportRejected(
            new FieldViolation("agency", "TypeMismatch", "must be an agency id"));
      }
      agency =
          agencies().stream()
              .filter(a -> a.id().value().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ReportRejected(
                          new FieldViolation(
                              "agency", "Unknown", "is not an agency of the network")));
    }
    GroupBy dimension = GroupBy.RACE;
    if (dimensionParameter != null && !dimensionParameter.isBlank()) {
      dimension =
          DIMENSIONS.stream()
              .filter(d -> d.name().equalsIgnoreCase(dimensionParameter.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ReportRejected(
                          new FieldViolation("by", "Unknown", "must be one of " + DIMENSIONS)));
    }
    MeasureFilter filter;
    try {
      filter =
          MeasureFilter.parse(
              new Request(
                  null, definitionParameter, dimension.name(), null, null, null, null, null),
              asOf);
    } catch (MeasureFilter.FilterRejected rejected) {
      throw new ReportRejected(rejected.violations().getFirst());
    }
    MeasureScope scope =
        agency == null ? MeasureScope.network(null) : MeasureScope.agency(agency.id().value());
    Dashboard dashboard = measures.dashboard(scope, filter, asOf);
    return suppress(
        agency == null ? null : agency.id().value(),
        agency == null ? null : agency.name(),
        filter,
        dashboard);
  }

  /**
   * Builds the published tables: the people per group (one column), and for each rate a table of
   * groups by {yes, no} whose row totals are the rate's denominators; each table is suppressed on
   * its own with its margins.
   */
  static Report suppress(UUID agency, String name, MeasureFilter filter, Dashboard dashboard) {
    List<GroupFigures> groups = new ArrayList<>(dashboard.groups());
    groups.sort(Comparator.comparing(GroupFigures::key));
    int n = groups.size();
    long[][] people = new long[Math.max(n, 1)][1];
    for (int i = 0; i < n; i++) {
      people[i][0] = groups.get(i).people();
    }
    SuppressedTable peopleTable = SmallCellSuppression.suppress(people, THRESHOLD);
    List<SuppressedTable> rateTables = new ArrayList<>();
    for (Function<GroupFigures, Rate> rate : RATES) {
      long[][] cells = new long[Math.max(n, 1)][2];
      for (int i = 0; i < n; i++) {
        Rate r = rate.apply(groups.get(i));
        cells[i][0] = r.count();
        cells[i][1] = r.of() - r.count();
      }
      rateTables.add(SmallCellSuppression.suppress(cells, THRESHOLD));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<PublishedRate> rates = new ArrayList<>();
      for (SuppressedTable table : rateTables) {
        rates.add(
            PublishedRate.of(
                Cell.of(table, i, 0),
                new Cell(table.rowTotals()[i], table.rowTotalSuppressed()[i])));
      }
      rows.add(new Row(groups.get(i).key(), Cell.of(peopleTable, i, 0), rates));
    }
    List<PublishedRate> totals = new ArrayList<>();
    for (SuppressedTable table : rateTables) {
      totals.add(
          PublishedRate.of(
              new Cell(table.columnTotals()[0], table.columnTotalSuppressed()[0]),
              new Cell(table.grandTotal(), table.grandTotalSuppressed())));
    }
    Row total =
        new Row(
            "ALL", new Cell(peopleTable.grandTotal(), peopleTable.grandTotalSuppressed()), totals);
    return new Report(
        agency,
        name,
        filter.groupBy(),
        filter.definition(),
        filter.from(),
        filter.to(),
        dashboard.asOf(),
        MEASURES,
        n == 0 ? List.of() : rows,
        total);
  }

  /** The label key of a group value of a dimension, for pages and the CSV. */
  public static String labelKey(GroupBy dimension, String key) {
    return switch (dimension) {
      case RACE -> "race." + key;
      case ETHNICITY -> "ethnicity." + key;
      case GENDER -> "gender." + key;
      default -> "outcomeMeasures.value." + key;
    };
  }
}
