package org.bridgeway.directory.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports the directory, or a part of it, as HSDS 3.0: JSON (an array of organizations with their
 * services nested in full, as {@code organization_package.json} describes it) or the tabular CSV
 * datapackage (a ZIP of one CSV file per HSDS type, with exactly the columns of the tabular schema
 * in schema order, and a {@code datapackage.json}). Bridgeway's profiles and capacity go out as
 * attributes under the Bridgeway taxonomy, which goes out with them.
 *
 * <p>Exports stream: JSON goes organization by organization, CSV type by type through a cursor, so
 * a state's 25,000 services are never all in memory. Everything is read in one read-only
 * transaction at repeatable read, so the export is one consistent snapshot.
 *
 * <p>A filter selects organizations: those named, those with a service in one of the need domains,
 * those with anything changed after a time (their records, or their services' profiles or
 * capacity). Selected organizations are exported whole, except that with a need-domain filter only
 * their services in those domains (and what hangs from them) are.
 */
@Service
public class DirectoryExport {

  /** Which part of the directory to export; empty sets and a null time mean no restriction. */
  public record Filter(
      Set<UUID> organizations, Set<NeedDomain> needDomains, Instant modifiedAfter) {

    public Filter {
      organizations = organizations == null ? Set.of() : Set.copyOf(organizations);
      needDomains = needDomains == null ? Set.of() : Set.copyOf(needDomains);
    }

    public static Filter everything() {
      return new Filter(Set.of(), Set.of(), null);
    }

    public boolean isEverything() {
      return organizations.isEmpty() && needDomains.isEmpty() && modifiedAfter == null;
    }
  }

  /** The order CSV files are written in: parents before what hangs from them. */
  private static final List<HsdsType> CSV_ORDER =
      List.of(
          HsdsType.ORGANIZATION,
          HsdsType.PROGRAM,
          HsdsType.SERVICE,
          HsdsType.LOCATION,
          HsdsType.SERVICE_AT_LOCATION,
          HsdsType.ADDRESS,
          HsdsType.ACCESSIBILITY,
          HsdsType.CONTACT,
          HsdsType.PHONE,
          HsdsType.SCHEDULE,
          HsdsType.SERVICE_AREA,
          HsdsType.LANGUAGE,
          HsdsType.FUNDING,
          HsdsType.COST_OPTION,
          HsdsType.REQUIRED_DOCUMENT,
          HsdsType.ORGANIZATION_IDENTIFIER,
          HsdsType.ATTRIBUTE,
          HsdsType.TAXONOMY_TERM,
          HsdsType.TAXONOMY,
          HsdsType.METADATA,
          HsdsType.META_TABLE_DESCRIPTION);

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final int BATCH = 1_000;

  private final HsdsRecords records;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate snapshot;

  DirectoryExport(
      HsdsRecords records,
      ServiceProfiles profiles,
      Capacities capacities,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.records = records;
    this.profiles = profiles;
    this.capacities = capacities;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /** A file name for an export made now: {@code bridgeway-directory-20261123.json}. */
  public String fileName(String extension) {
    return "bridgeway-directory-"
        + DateTimeFormatter.BASIC_ISO_DATE.format(clock.instant().atOffset(ZoneOffset.UTC))
        + "."
        + extension;
  }

  // ---------------------------------------------------------------------------------------- JSON

  /** Writes the HSDS JSON export: an array of organizations with their services. */
  public void writeJson(Filter filter, OutputStream out) {
    audited("json", filter);
    snapshot.executeWithoutResult(
        tx -> {
          List<UUID> organizations = selectOrganizations(filter);
          Set<UUID> services = filter.needDomains().isEmpty() ? null : servicesIn(filter);
          Map<UUID, HsdsRecord> shared = new HashMap<>();
          Set<UUID> missing = new HashSet<>();
          try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartArray();
            for (UUID organization : organizations) {
              ObjectNode document = organizationDocument(organization, services, shared, missing);
              if (document != null) {
                generator.writeTree(document);
              }
            }
            generator.writeEndArray();
          }
        });
  }

  /**
   * One organization with its services nested in full: its own records, what hangs from them under
   * another owner, the objects they nest by reference (locations, programs, taxonomy terms), and
   * the Bridgeway attributes of its services.
   */
  private ObjectNode organizationDocument(
      UUID organization, Set<UUID> services, Map<UUID, HsdsRecord> shared, Set<UUID> missing) {
    Map<UUID, HsdsRecord> loaded = new LinkedHashMap<>();
    records.ownedBy(organization).forEach(record -> loaded.put(record.id(), record));
    HsdsRecord root = loaded.get(organization);
    if (root == null || root.type() != HsdsType.ORGANIZATION) {
      return null;
    }
    List<HsdsRecord> frontier = new ArrayList<>(loaded.values());
    while (!frontier.isEmpty()) {
      List<HsdsRecord> next = new ArrayList<>();
      for (HsdsRecord child :
          records.linkedFromOutside(frontier.stream().map(HsdsRecord::id).toList(), organization)) {
        if (!loaded.containsKey(child.id()) && isNestedUnder(child, loaded)) {
          next.add(child);
        }
      }
      Set<UUID> wanted = new LinkedHashSet<>();
      for (HsdsRecord record : frontier) {
        for (HsdsType.Single single : record.type().singles()) {
          record
              .reference(single.foreignKey())
              .filter(id -> !loaded.containsKey(id) && !missing.contains(id))
              .ifPresent(wanted::add);
        }
      }
      List<UUID> toFind = new ArrayList<>();
      for (UUID id : wanted) {
        HsdsRecord known = shared.get(id);
        if (known != null) {
          next.add(known);
        } else {
          toFind.add(id);
        }
      }
      Set<UUID> found = new HashSet<>();
      for (HsdsRecord record : records.findAll(toFind)) {
        found.add(record.id());
        next.add(record);
        if (record.type() == HsdsType.TAXONOMY || record.type() == HsdsType.TAXONOMY_TERM) {
          shared.put(record.id(), record);
        }
      }
      toFind.stream().filter(id -> !found.contains(id)).forEach(missing::add);
      frontier = new ArrayList<>();
      for (HsdsRecord record : next) {
        if (loaded.putIfAbsent(record.id(), record) == null) {
          frontier.add(record);
        }
      }
    }
    List<UUID> serviceIds =
        loaded.values().stream()
            .filter(record -> record.type() == HsdsType.SERVICE)
            .map(HsdsRecord::id)
            .toList();
    List<HsdsRecord> all = new ArrayList<>(loaded.values());
    List<HsdsRecord> generated = bridgewayAttributes(serviceIds);
    all.addAll(generated);
    if (!generated.isEmpty()) {
      all.addAll(BridgewayTaxonomy.taxonomyRecords());
    }
    ObjectNode document =
        HsdsGraph.assemble(
            root, HsdsGraph.inMemory(all), HsdsGraph.Shape.ORGANIZATION_WITH_SERVICES);
    if (services != null && document.get("services") instanceof ArrayNode nested) {
      ArrayNode kept = document.putArray("services");
      for (JsonNode service : nested) {
        if (HsdsRecord.parseUuid(service.path("id").asString(""))
            .filter(services::contains)
            .isPresent()) {
          kept.add(service);
        }
      }
    }
    return document;
  }

  /** Whether a record sits inside one of the loaded records in the nested form. */
  private static boolean isNestedUnder(HsdsRecord child, Map<UUID, HsdsRecord> loaded) {
    for (UUID target : child.links()) {
      HsdsRecord parent = loaded.get(target);
      if (parent == null) {
        continue;
      }
      for (HsdsType.Children children : parent.type().children()) {
        if (children.type() == child.type()
            && child.reference(children.foreignKey()).filter(target::equals).isPresent()) {
          return true;
        }
      }
      if (parent.type() == HsdsType.ORGANIZATION && child.type() == HsdsType.SERVICE) {
        return true;
      }
    }
    return false;
  }

  /** The Bridgeway attributes of services, generated from their profiles and capacity. */
  private List<HsdsRecord> bridgewayAttributes(Collection<UUID> services) {
    if (services.isEmpty()) {
      return List.of();
    }
    Map<UUID, ServiceProfile> profileOf =
        profiles.findAll(services).stream()
            .collect(Collectors.toMap(ServiceProfile::serviceId, Function.identity()));
    Map<UUID, Capacity> capacityOf =
        capacities.findAll(services).stream()
            .collect(Collectors.toMap(Capacity::serviceId, Function.identity()));
    List<HsdsRecord> attributes = new ArrayList<>();
    for (UUID service : services) {
      ServiceProfile profile = profileOf.get(service);
      Capacity capacity = capacityOf.get(service);
      if (profile != null || capacity != null) {
        attributes.addAll(BridgewayTaxonomy.attributesOf(profile, capacity));
      }
    }
    return attributes;
  }

  // ----------------------------------------------------------------------------------------- CSV

  /** Writes the tabular datapackage: a ZIP of HSDS CSV files and {@code datapackage.json}. */
  public void writeCsvPackage(Filter filter, OutputStream out) {
    audited("csv", filter);
    snapshot.executeWithoutResult(
        tx -> {
          try {
            ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(HsdsImportReader.DATAPACKAGE));
            JSON.writerWithDefaultPrettyPrinter().writeValue(new KeepOpen(zip), datapackage());
            zip.closeEntry();
            writeTables(filter, zip);
            zip.finish();
            zip.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private void writeTables(Filter filter, ZipOutputStream zip) throws IOException {
    List<UUID> selected = filter.isEverything() ? null : selectOrganizations(filter);
    Set<UUID> wantedServices = filter.needDomains().isEmpty() ? null : servicesIn(filter);
    Set<UUID> excluded = new HashSet<>();
    Set<UUID> exportedServices = new LinkedHashSet<>();
    Set<UUID> terms = new LinkedHashSet<>();
    boolean[] bridgeway = {false};
    for (HsdsType type : CSV_ORDER) {
      TabularSchema.Table table = TabularSchema.of(type);
      zip.putNextEntry(new ZipEntry(type.csvFile()));
      CSVPrinter printer =
          new CSVPrinter(
              new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8), CSVFormat.RFC4180);
      printer.printRecord(table.columnNames());
      boolean unowned =
          type == HsdsType.TAXONOMY
              || type == HsdsType.TAXONOMY_TERM
              || type == HsdsType.META_TABLE_DESCRIPTION;
      if (selected == null || !unowned) {
        records.forEachOfType(
            type,
            selected,
            record -> {
              if (type == HsdsType.SERVICE
                  && wantedServices != null
                  && !wantedServices.contains(record.id())) {
                excluded.add(record.id());
                return;
              }
              if (!excluded.isEmpty()
                  && !java.util.Collections.disjoint(record.links(), excluded)) {
                excluded.add(record.id());
                return;
              }
              if (type == HsdsType.SERVICE) {
                exportedServices.add(record.id());
              }
              if (type == HsdsType.ATTRIBUTE) {
                record.reference("taxonomy_term_id").ifPresent(terms::add);
              }
              print(printer, table, record);
            });
      } else if (type == HsdsType.TAXONOMY_TERM) {
        for (HsdsRecord term : termsWithParents(terms)) {
          print(printer, table, term);
        }
      } else if (type == HsdsType.TAXONOMY) {
        Set<UUID> taxonomies = new LinkedHashSet<>();
        for (HsdsRecord term : records.findAll(terms)) {
          term.reference("taxonomy_id").ifPresent(taxonomies::add);
        }
        for (HsdsRecord taxonomy : records.findAll(taxonomies)) {
          print(printer, table, taxonomy);
        }
      }
      if (type == HsdsType.ATTRIBUTE) {
        List<UUID> services = new ArrayList<>(exportedServices);
        for (int from = 0; from < services.size(); from += BATCH) {
          for (HsdsRecord attribute :
              bridgewayAttributes(
                  services.subList(from, Math.min(services.size(), from + BATCH)))) {
            bridgeway[0] = true;
            print(printer, table, attribute);
          }
        }
      }
      if (bridgeway[0] && (type == HsdsType.TAXONOMY || type == HsdsType.TAXONOMY_TERM)) {
        for (HsdsRecord record : BridgewayTaxonomy.taxonomyRecords()) {
          if (record.type() == type) {
            print(printer, table, record);
          }
        }
      }
      printer.flush();
      zip.closeEntry();
    }
  }

  /** Terms attributes point to, with the terms above them, found level by level. */
  private List<HsdsRecord> termsWithParents(Set<UUID> start) {
    Map<UUID, HsdsRecord> found = new LinkedHashMap<>();
    Set<UUID> wanted = new LinkedHashSet<>(start);
    while (!wanted.isEmpty()) {
      Set<UUID> parents = new LinkedHashSet<>();
      for (HsdsRecord term : records.findAll(wanted)) {
        if (term.type() == HsdsType.TAXONOMY_TERM && found.putIfAbsent(term.id(), term) == null) {
          term.reference("parent_id").filter(id -> !found.containsKey(id)).ifPresent(parents::add);
        }
      }
      wanted = parents;
    }
    start.clear();
    start.addAll(found.keySet());
    return new ArrayList<>(found.values());
  }

  private static void print(CSVPrinter printer, TabularSchema.Table table, HsdsRecord record) {
    List<String> cells = new ArrayList<>(table.columns().size());
    for (TabularSchema.Column column : table.columns()) {
      JsonNode value = record.document().get(column.name());
      if (value == null || value.isNull() || value.isContainer()) {
        cells.add("");
      } else {
        String text = value.isString() ? value.stringValue() : value.toString();
        cells.add(column.isString() ? SpreadsheetCells.guard(text) : text);
      }
    }
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Frictionless Data Package descriptor of the CSV files, built from the HSDS schemas: each
   * resource with its fields, types, formats, required fields and allowed values.
   */
  ObjectNode datapackage() {
    ObjectNode descriptor = JSON.createObjectNode();
    descriptor.put("profile", "tabular-data-package");
    descriptor.put("name", "bridgeway-directory");
    descriptor.put("title", "Bridgeway community resource directory (Open Referral HSDS 3.0)");
    descriptor.put("created", clock.instant().toString());
    ArrayNode resources = descriptor.putArray("resources");
    for (TabularSchema.Table table : TabularSchema.tables()) {
      ObjectNode resource = resources.addObject();
      resource.put("name", table.type().schemaName());
      resource.put("path", table.file());
      resource.put("profile", "tabular-data-resource");
      resource.put("format", "csv");
      resource.put("mediatype", "text/csv");
      resource.put("encoding", "utf-8");
      if (table.description() != null) {
        resource.put("description", table.description());
      }
      ObjectNode schema = resource.putObject("schema");
      ArrayNode fields = schema.putArray("fields");
      for (TabularSchema.Column column : table.columns()) {
        ObjectNode field = fields.addObject();
        field.put("name", column.name());
        field.put("type", column.type());
        if (column.format() != null && Set.of("uuid", "email", "uri").contains(column.format())) {
          field.put("format", column.format());
        }
        if (column.title() != null) {
          field.put("title", column.title());
        }
        if (column.description() != null) {
          field.put("description", column.description());
        }
        ObjectNode constraints = JSON.createObjectNode();
        if (column.required()) {
          constraints.put("required", true);
        }
        if (column.name().equals("id")) {
          constraints.put("unique", true);
        }
        if (!column.allowed().isEmpty()) {
          ArrayNode allowed = constraints.putArray("enum");
          column.allowed().forEach(allowed::add);
        }
        if (!constraints.isEmpty()) {
          field.set("constraints", constraints);
        }
      }
      schema.put("primaryKey", "id");
    }
    return descriptor;
  }

  // ----------------------------------------------------------------------------------- selection

  /** The directory organizations the filter selects, in id order. */
  private List<UUID> selectOrganizations(Filter filter) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT o.id FROM directory_record o WHERE o.resource_type = 'organization'");
    Map<String, Object> params = new HashMap<>();
    if (!filter.organizations().isEmpty()) {
      sql.append(" AND o.id = ANY(:organizations)");
      params.put("organizations", filter.organizations().toArray(UUID[]::new));
    }
    if (!filter.needDomains().isEmpty()) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM directory_record s JOIN directory_service_profile p"
              + " ON p.service_id = s.id WHERE s.organization_id = o.id"
              + " AND s.resource_type = 'service' AND p.need_domains && CAST(:domains AS TEXT[]))");
      params.put("domains", domainNames(filter));
    }
    if (filter.modifiedAfter() != null) {
      sql.append(
          " AND (EXISTS (SELECT 1 FROM directory_record r WHERE r.organization_id = o.id"
              + " AND r.modified_at > :after)"
              + " OR EXISTS (SELECT 1 FROM directory_record s JOIN directory_service_profile p"
              + " ON p.service_id = s.id WHERE s.organization_id = o.id AND p.modified_at > :after)"
              + " OR EXISTS (SELECT 1 FROM directory_record s JOIN directory_capacity c"
              + " ON c.service_id = s.id WHERE s.organization_id = o.id AND c.updated_at > :after))");
      params.put("after", Timestamp.from(filter.modifiedAfter()));
    }
    sql.append(" ORDER BY o.id");
    return jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
  }

  /** The services whose profile names one of the filter's need domains. */
  private Set<UUID> servicesIn(Filter filter) {
    return new HashSet<>(
        jdbc.sql(
                "SELECT service_id FROM directory_service_profile"
                    + " WHERE need_domains && CAST(:domains AS TEXT[])")
            .param("domains", domainNames(filter))
            .query(UUID.class)
            .list());
  }

  private static String[] domainNames(Filter filter) {
    return filter.needDomains().stream().map(Enum::name).sorted().toArray(String[]::new);
  }

  private void audited(String format, Filter filter) {
    AuditEvent event =
        AuditEvent.success("directory.export")
            .withDetail("format", format)
            .withDetail("organizations", Integer.toString(filter.organizations().size()))
            .withDetail(
                "needDomains",
                filter.needDomains().stream()
                    .map(Enum::name)
                    .sorted()
                    .collect(Collectors.joining(",")));
    if (filter.modifiedAfter() != null) {
      event = event.withDetail("modifiedAfter", filter.modifiedAfter().toString());
    }
    audit.record(event);
  }

  /** A stream that a writer may close without closing what it writes to. */
  private static final class KeepOpen extends FilterOutputStream {

    KeepOpen(OutputStream out) {
      super(Objects.requireNonNull(out));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
