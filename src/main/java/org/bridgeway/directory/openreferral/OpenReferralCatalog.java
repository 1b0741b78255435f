package org.bridgeway.directory.openreferral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.directory.geo.Coordinates;
import org.bridgeway.directory.geo.ZipCentroids;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the public Open Referral API ({@code /hsds}) answers: pages of services, services at
 * locations, organizations, taxonomies and taxonomy terms in the shapes of the HSDS 3.0 API
 * reference, and single objects fully nested. A service's profile and capacity appear as attributes
 * under the Bridgeway taxonomy ({@link BridgewayTaxonomy#attributesOf}).
 *
 * <p>A page costs a bounded number of queries whatever its size: a count, the page's ids, then each
 * kind of record the shape needs loaded in one batch. The {@code each...} methods walk every match
 * in chunks for {@code format=ndjson}, without a transaction held open while the client reads.
 */
@Service
@Transactional(readOnly = true)
public class OpenReferralCatalog {

  /** How many objects an ndjson stream assembles at a time. */
  static final int CHUNK = 200;

  private final OpenReferralQueries queries;
  private final HsdsRecords records;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final ZipCentroids zips;

  OpenReferralCatalog(
      OpenReferralQueries queries,
      HsdsRecords records,
      ServiceProfiles profiles,
      Capacities capacities,
      ZipCentroids zips) {
    this.queries = queries;
    this.records = records;
    this.profiles = profiles;
    this.capacities = capacities;
    this.zips = zips;
  }

  // ---------------------------------------------------------------------------------------------
  // services

  public HsdsPage services(ServiceFilter filter, ServiceShape shape, HsdsPageRequest page) {
    Coordinates near = resolve(filter);
    long total = queries.countServices(filter, near);
    List<UUID> ids =
        page.offset() >= total
            ? List.of()
            : queries.services(filter, near, page.offset(), page.perPage());
    return new HsdsPage(total, page, services(ids, shape));
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void eachService(ServiceFilter filter, ServiceShape shape, Consumer<ObjectNode> sink) {
    Coordinates near = resolve(filter);
    inChunks(queries.services(filter, near, null, null), ids -> services(ids, shape), sink);
  }

  /** The fully nested service, with its Bridgeway attributes. */
  public Optional<ObjectNode> service(UUID id) {
    return records
        .find(id)
        .filter(r -> r.type() == HsdsType.SERVICE)
        .map(service -> services(List.of(id), ServiceShape.FULL).getFirst());
  }

  private List<ObjectNode> services(List<UUID> ids, ServiceShape shape) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Instant> modified = queries.lastModified(ids);
    if (shape == ServiceShape.MINIMAL) {
      return ids.stream().map(id -> HsdsShapes.minimalService(id, modified.get(id))).toList();
    }
    List<HsdsRecord> services = HsdsShapes.ordered(ids, records.findAll(ids), HsdsType.SERVICE);
    if (shape == ServiceShape.LIST) {
      Map<UUID, HsdsRecord> related =
          HsdsShapes.byId(
              records.findAll(HsdsShapes.references(services, "organization_id", "program_id")));
      return services.stream()
          .map(s -> HsdsShapes.serviceListItem(s, related, modified.get(s.id())))
          .toList();
    }
    HsdsGraph.RecordSource source =
        withBridgewayAttributes(records.graphOf(services, HsdsGraph.Shape.NESTED), ids);
    return services.stream()
        .map(
            s ->
                HsdsShapes.withLastModified(
                    HsdsGraph.assemble(s, source, HsdsGraph.Shape.NESTED), modified.get(s.id())))
        .toList();
  }

  // ---------------------------------------------------------------------------------------------
  // services at locations

  public HsdsPage servicesAtLocations(ServiceFilter filter, boolean full, HsdsPageRequest page) {
    Coordinates near = resolve(filter);
    long total = queries.countServicesAtLocations(filter, near);
    List<UUID> ids =
        page.offset() >= total
            ? List.of()
            : queries.servicesAtLocations(filter, near, page.offset(), page.perPage());
    return new HsdsPage(total, page, servicesAtLocations(ids, full));
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void eachServiceAtLocation(ServiceFilter filter, boolean full, Consumer<ObjectNode> sink) {
    Coordinates near = resolve(filter);
    inChunks(
        queries.servicesAtLocations(filter, near, null, null),
        ids -> servicesAtLocations(ids, full),
        sink);
  }

  /** The fully nested service at location, with its location and its service inside. */
  public Optional<ObjectNode> serviceAtLocation(UUID id) {
    return records
        .find(id)
        .filter(r -> r.type() == HsdsType.SERVICE_AT_LOCATION)
        .map(found -> servicesAtLocations(List.of(id), true).getFirst());
  }

  private List<ObjectNode> servicesAtLocations(List<UUID> ids, boolean full) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<HsdsRecord> found =
        HsdsShapes.ordered(ids, records.findAll(ids), HsdsType.SERVICE_AT_LOCATION);
    Set<UUID> serviceIds = HsdsShapes.references(found, "service_id");
    Map<UUID, Instant> modified = queries.lastModified(serviceIds);
    if (!full) {
      Map<UUID, HsdsRecord> related =
          HsdsShapes.byId(
              records.findAll(HsdsShapes.references(found, "service_id", "location_id")));
      related.putAll(
          HsdsShapes.byId(
              records.findAll(
                  HsdsShapes.references(related.values(), "organization_id", "program_id"))));
      return found.stream()
          .map(sal -> HsdsShapes.serviceAtLocationListItem(sal, related, modified))
          .toList();
    }
    // The graph of a service at location does not reach its service: load the services as roots.
    List<HsdsRecord> roots = new ArrayList<>(found);
    records.findAll(serviceIds).stream()
        .filter(r -> r.type() == HsdsType.SERVICE)
        .forEach(roots::add);
    HsdsGraph.RecordSource source =
        withBridgewayAttributes(records.graphOf(roots, HsdsGraph.Shape.NESTED), serviceIds);
    return found.stream()
        .map(
            sal -> {
              ObjectNode node = HsdsGraph.assemble(sal, source, HsdsGraph.Shape.NESTED);
              HsdsShapes.stampService(node.get("service"), modified);
              return node;
            })
        .toList();
  }

  // ---------------------------------------------------------------------------------------------
  // organizations

  public HsdsPage organizations(List<String> words, OrganizationShape shape, HsdsPageRequest page) {
    long total = queries.countOrganizations(words);
    List<UUID> ids =
        page.offset() >= total
            ? List.of()
            : queries.organizations(words, page.offset(), page.perPage());
    return new HsdsPage(total, page, organizations(ids, shape));
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void eachOrganization(
      List<String> words, OrganizationShape shape, Consumer<ObjectNode> sink) {
    inChunks(queries.organizations(words, null, null), ids -> organizations(ids, shape), sink);
  }

  /** The fully nested organization, its services basic or, with full services, fully nested. */
  public Optional<ObjectNode> organization(UUID id, boolean fullServices) {
    return records
        .find(id)
        .filter(r -> r.type() == HsdsType.ORGANIZATION)
        .map(
            found ->
                organizations(
                        List.of(id),
                        fullServices
                            ? OrganizationShape.FULL_WITH_SERVICES
                            : OrganizationShape.FULL)
                    .getFirst());
  }

  private List<ObjectNode> organizations(List<UUID> ids, OrganizationShape shape) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<HsdsRecord> organizations =
        HsdsShapes.ordered(ids, records.findAll(ids), HsdsType.ORGANIZATION);
    if (shape == OrganizationShape.LIST) {
      return organizations.stream().map(o -> o.document().deepCopy()).toList();
    }
    List<UUID> serviceIds = queries.servicesOf(ids);
    Map<UUID, Instant> modified = queries.lastModified(serviceIds);
    if (shape == OrganizationShape.FULL_WITH_SERVICES) {
      HsdsGraph.RecordSource source =
          withBridgewayAttributes(
              records.graphOf(organizations, HsdsGraph.Shape.ORGANIZATION_WITH_SERVICES),
              serviceIds);
      return organizations.stream()
          .map(
              o -> {
                ObjectNode node =
                    HsdsGraph.assemble(o, source, HsdsGraph.Shape.ORGANIZATION_WITH_SERVICES);
                JsonNode services = node.get("services");
                if (services != null) {
                  services.forEach(s -> HsdsShapes.stampService(s, modified));
                }
                return node;
              })
          .toList();
    }
    HsdsGraph.RecordSource graph = records.graphOf(organizations, HsdsGraph.Shape.NESTED);
    List<HsdsRecord> services =
        HsdsShapes.ordered(serviceIds, records.findAll(serviceIds), HsdsType.SERVICE);
    return organizations.stream()
        .map(
            o -> {
              ObjectNode node = HsdsGraph.assemble(o, graph, HsdsGraph.Shape.NESTED);
              var array = node.putArray("services");
              services.stream()
                  .filter(s -> s.reference("organization_id").filter(o.id()::equals).isPresent())
                  .forEach(s -> array.add(HsdsShapes.basicService(s, modified.get(s.id()))));
              return node;
            })
        .toList();
  }

  // ---------------------------------------------------------------------------------------------
  // taxonomies and terms

  public HsdsPage taxonomies(List<String> words, HsdsPageRequest page) {
    long total = queries.countTaxonomies(words);
    List<HsdsRecord> found =
        page.offset() >= total
            ? List.of()
            : queries.taxonomies(words, page.offset(), page.perPage());
    return new HsdsPage(total, page, found.stream().map(t -> t.document().deepCopy()).toList());
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void eachTaxonomy(List<String> words, Consumer<ObjectNode> sink) {
    queries.taxonomies(words, null, null).forEach(t -> sink.accept(t.document().deepCopy()));
  }

  public Optional<ObjectNode> taxonomy(UUID id) {
    return findTaxonomy(id).map(t -> t.document().deepCopy());
  }

  public HsdsPage taxonomyTerms(TaxonomyTermFilter filter, HsdsPageRequest page) {
    resolve(filter);
    long total = queries.countTerms(filter);
    List<HsdsRecord> found =
        page.offset() >= total ? List.of() : queries.terms(filter, page.offset(), page.perPage());
    return new HsdsPage(total, page, withTaxonomyDetail(found));
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void eachTaxonomyTerm(TaxonomyTermFilter filter, Consumer<ObjectNode> sink) {
    resolve(filter);
    List<HsdsRecord> all = queries.terms(filter, null, null);
    for (int from = 0; from < all.size(); from += CHUNK) {
      withTaxonomyDetail(all.subList(from, Math.min(all.size(), from + CHUNK))).forEach(sink);
    }
  }

  /** The taxonomy term, with its taxonomy nested as {@code taxonomy_detail}. */
  public Optional<ObjectNode> taxonomyTerm(UUID id) {
    return findTerm(id).map(term -> withTaxonomyDetail(List.of(term)).getFirst());
  }

  private List<ObjectNode> withTaxonomyDetail(List<HsdsRecord> terms) {
    Set<UUID> taxonomyIds = HsdsShapes.references(terms, "taxonomy_id");
    Map<UUID, HsdsRecord> taxonomies = bridgeway(HsdsType.TAXONOMY);
    taxonomyIds.removeAll(taxonomies.keySet());
    records.findAll(taxonomyIds).stream()
        .filter(r -> r.type() == HsdsType.TAXONOMY)
        .forEach(r -> taxonomies.put(r.id(), r));
    List<ObjectNode> nodes = new ArrayList<>();
    for (HsdsRecord term : terms) {
      ObjectNode node = term.document().deepCopy();
      term.reference("taxonomy_id")
          .map(taxonomies::get)
          .ifPresent(
              taxonomy -> {
                node.remove("taxonomy_id");
                node.set("taxonomy_detail", taxonomy.document().deepCopy());
              });
      nodes.add(node);
    }
    return nodes;
  }

  private Optional<HsdsRecord> findTaxonomy(UUID id) {
    HsdsRecord own = bridgeway(HsdsType.TAXONOMY).get(id);
    return own != null
        ? Optional.of(own)
        : records.find(id).filter(r -> r.type() == HsdsType.TAXONOMY);
  }

  private Optional<HsdsRecord> findTerm(UUID id) {
    HsdsRecord own = bridgeway(HsdsType.TAXONOMY_TERM).get(id);
    return own != null
        ? Optional.of(own)
        : records.find(id).filter(r -> r.type() == HsdsType.TAXONOMY_TERM);
  }

  private static Map<UUID, HsdsRecord> bridgeway(HsdsType type) {
    return BridgewayTaxonomy.taxonomyRecords().stream()
        .filter(r -> r.type() == type)
        .collect(Collectors.toMap(HsdsRecord::id, Function.identity()));
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  /**
   * Checks that the records a filter names exist (an unknown one is a 400 naming the parameter, not
   * an empty list that would hide a typo) and finds the ZIP centroid to measure from.
   */
  private Coordinates resolve(ServiceFilter filter) {
    if (filter.taxonomyTermId() != null && findTerm(filter.taxonomyTermId()).isEmpty()) {
      throw unknown("taxonomy_term_id", "taxonomy term");
    }
    if (filter.taxonomyId() != null && findTaxonomy(filter.taxonomyId()).isEmpty()) {
      throw unknown("taxonomy_id", "taxonomy");
    }
    if (filter.organizationId() != null
        && !queries
            .typeOf(filter.organizationId())
            .filter(HsdsType.ORGANIZATION::equals)
            .isPresent()) {
      throw unknown("organization_id", "organization");
    }
    if (filter.postcode() == null) {
      return null;
    }
    Coordinates centroid =
        zips.centroid(filter.postcode())
            .orElseThrow(
                () ->
                    new HsdsParameterException(
                        "postcode", "unknown", "is not a known U.S. ZIP code"));
    return filter.proximityMeters() == null ? null : centroid;
  }

  private void resolve(TaxonomyTermFilter filter) {
    if (filter.taxonomyId() != null && findTaxonomy(filter.taxonomyId()).isEmpty()) {
      throw unknown("taxonomy_id", "taxonomy");
    }
    if (filter.parentId() != null && findTerm(filter.parentId()).isEmpty()) {
      throw unknown("parent_id", "taxonomy term");
    }
  }

  private static HsdsParameterException unknown(String parameter, String what) {
    return new HsdsParameterException(parameter, "unknown", "names no " + what + " of this API");
  }

  /**
   * The stored graph plus, for each service, the attributes its profile and capacity make, and the
   * Bridgeway taxonomy they point to, so that assembling nests them like stored attributes.
   */
  private HsdsGraph.RecordSource withBridgewayAttributes(
      HsdsGraph.RecordSource graph, Collection<UUID> serviceIds) {
    if (serviceIds.isEmpty()) {
      return graph;
    }
    Map<UUID, ServiceProfile> profileOf =
        profiles.findAll(serviceIds).stream()
            .collect(Collectors.toMap(ServiceProfile::serviceId, Function.identity()));
    Map<UUID, Capacity> capacityOf =
        capacities.findAll(serviceIds).stream()
            .collect(Collectors.toMap(Capacity::serviceId, Function.identity()));
    List<HsdsRecord> generated = new ArrayList<>();
    for (UUID service : new LinkedHashSet<>(serviceIds)) {
      ServiceProfile profile = profileOf.get(service);
      Capacity capacity = capacityOf.get(service);
      if (profile != null || capacity != null) {
        generated.addAll(BridgewayTaxonomy.attributesOf(profile, capacity));
      }
    }
    if (generated.isEmpty()) {
      return graph;
    }
    generated.addAll(BridgewayTaxonomy.taxonomyRecords());
    return HsdsShapes.both(graph, HsdsGraph.inMemory(generated));
  }

  private static void inChunks(
      List<UUID> ids,
      Function<List<UUID>, List<ObjectNode>> shape,
      Consumer<? super ObjectNode> sink) {
    for (int from = 0; from < ids.size(); from += CHUNK) {
      shape.apply(ids.subList(from, Math.min(ids.size(), from + CHUNK))).forEach(sink);
    }
  }
}
