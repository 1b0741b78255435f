package org.bridgeway.directory.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsSchemas;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.shared.web.SpreadsheetCells;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an upload into flat HSDS records and checks each object against the HSDS schemas, reporting
 * every problem by file, row (CSV line or JSON pointer) and field. What it accepts:
 *
 * <ul>
 *   <li>HSDS JSON: one nested document (a service, organization, service at location, location,
 *       taxonomy or taxonomy term), an API list page ({@code {"contents": [...]}}), or a bare array
 *       of documents;
 *   <li>the HSDS tabular datapackage: a ZIP of the CSV files named as HSDS names them, with or
 *       without {@code datapackage.json}, or one CSV file on its own.
 * </ul>
 *
 * <p>CSV cells are converted to the types of the tabular schema (an empty cell is an absent field)
 * and each row is then validated as a JSON document of its type, so both forms pass the same
 * checks. Whether references resolve is checked afterwards, by {@link ImportChecks}.
 */
@Component
class HsdsImportReader {

  static final String JSON_DOCUMENT = "JSON_DOCUMENT";
  static final String JSON_LIST = "JSON_LIST";
  static final String JSON_ARRAY = "JSON_ARRAY";
  static final String CSV_PACKAGE = "CSV_PACKAGE";
  static final String CSV_FILE = "CSV_FILE";

  static final String DATAPACKAGE = "datapackage.json";

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final JsonNodeFactory NODES = JSON.getNodeFactory();
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL =
      Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern PARSER_LINE = Pattern.compile("(?:startline|line) (\\d+)");

  /** What an upload looks like from its first bytes, name and declared type. */
  enum Format {
    EMPTY,
    JSON,
    ZIP,
    CSV,
    UNKNOWN
  }

  /** One file of a CSV datapackage. */
  record NamedFile(String name, byte[] bytes) {}

  private final HsdsSchemas schemas;
  private final ExchangeProperties properties;

  HsdsImportReader(HsdsSchemas schemas, ExchangeProperties properties) {
    this.schemas = schemas;
    this.properties = properties;
  }

  static Format detect(Upload upload) {
    byte[] bytes = upload.bytes();
    if (bytes.length == 0) {
      return Format.EMPTY;
    }
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] < 10 && bytes[3] < 10) {
      return Format.ZIP;
    }
    String name = upload.lowerName();
    String type = upload.contentType() == null ? "" : upload.contentType().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || type.startsWith("text/csv")) {
      return Format.CSV;
    }
    int first = firstSignificantByte(bytes);
    if (first == '{' || first == '[' || name.endsWith(".json") || type.contains("json")) {
      return Format.JSON;
    }
    return Format.UNKNOWN;
  }

  private static int firstSignificantByte(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb) {
      i = 3;
    }
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    return i < bytes.length ? bytes[i] : -1;
  }

  /**
   * The checks that can be made at once, before an import is queued: is the upload one of the
   * accepted forms, well-formed, within the size limits? Reported as errors; content is checked
   * later, by the job.
   */
  void precheck(Upload upload, ImportProblems problems) {
    Origin origin = Origin.file(upload.fileName());
    if (upload.bytes().length > properties.maxUploadSize().toBytes()) {
      problems.error(origin, null, "too-large", properties.maxUploadSize().toMegabytes());
      return;
    }
    switch (detect(upload)) {
      case EMPTY -> problems.error(origin, null, "empty");
      case UNKNOWN -> problems.error(origin, null, "unknown-format");
      case JSON -> checkJsonSyntax(upload.fileName(), upload.bytes(), problems);
      case CSV -> {
        if (HsdsType.byCsvFile(upload.lowerName()).isEmpty()) {
          problems.error(origin, null, "unknown-file", upload.fileName());
        } else {
          decode(upload.fileName(), upload.bytes(), problems);
        }
      }
      case ZIP -> {
        List<NamedFile> files = unzip(upload, problems);
        if (files != null) {
          for (NamedFile file : files) {
            if (file.name().equals(DATAPACKAGE)) {
              checkJsonSyntax(file.name(), file.bytes(), problems);
            }
          }
        }
      }
    }
  }

  /** Reads and validates an upload. Problems go to {@code problems}; nothing is written. */
  ImportBatch read(Upload upload, ImportProblems problems, ImportProgress progress) {
    ImportBatch batch = new ImportBatch();
    Origin origin = Origin.file(upload.fileName());
    if (upload.bytes().length > properties.maxUploadSize().toBytes()) {
      problems.error(origin, null, "too-large", properties.maxUploadSize().toMegabytes());
      return batch;
    }
    switch (detect(upload)) {
      case EMPTY -> problems.error(origin, null, "empty");
      case UNKNOWN -> problems.error(origin, null, "unknown-format");
      case JSON -> readJson(upload, batch, problems, progress);
      case CSV -> {
        batch.kind(CSV_FILE);
        readCsvFiles(
            List.of(new NamedFile(upload.fileName(), upload.bytes())), batch, problems, progress);
      }
      case ZIP -> {
        batch.kind(CSV_PACKAGE);
        List<NamedFile> files = unzip(upload, problems);
        if (files != null) {
          readCsvFiles(files, batch, problems, progress);
        }
      }
    }
    return batch;
  }

  // ---------------------------------------------------------------------------------------- JSON

  private void checkJsonSyntax(String file, byte[] bytes, ImportProblems problems) {
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() == null) {
        problems.error(Origin.file(file), null, "empty");
        return;
      }
      parser.skipChildren();
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        TokenStreamLocation at = parser.currentTokenLocation();
        problems.error(Origin.file(file), null, "json-trailing", at.getLineNr(), at.getColumnNr());
      }
    } catch (JacksonException e) {
      jsonSyntaxError(file, e, problems);
    }
  }

  private static void jsonSyntaxError(String file, JacksonException e, ImportProblems problems) {
    TokenStreamLocation at = e.getLocation();
    String detail = e.getOriginalMessage();
    int newline = detail == null ? -1 : detail.indexOf('\n');
    if (newline > 0) {
      detail = detail.substring(0, newline);
    }
    if (at == null || at.getLineNr() < 1) {
      problems.error(Origin.file(file), null, "json-syntax", 0, 0, detail);
    } else {
      problems.error(
          Origin.file(file), null, "json-syntax", at.getLineNr(), at.getColumnNr(), detail);
    }
  }

  private record Document(HsdsType type, JsonNode node, Origin origin) {}

  private void readJson(
      Upload upload, ImportBatch batch, ImportProblems problems, ImportProgress progress) {
    String file = upload.fileName();
    JsonNode root;
    try {
      root = JSON.readTree(upload.bytes());
    } catch (JacksonException e) {
      jsonSyntaxError(file, e, problems);
      return;
    }
    List<JsonNode> nodes = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    if (root.isArray()) {
      batch.kind(JSON_ARRAY);
      for (int i = 0; i < root.size(); i++) {
        nodes.add(root.get(i));
        pointers.add("/" + i);
      }
    } else if (root.isObject() && root.has("contents") && root.get("contents").isArray()) {
      batch.kind(JSON_LIST);
      JsonNode contents = root.get("contents");
      for (int i = 0; i < contents.size(); i++) {
        nodes.add(contents.get(i));
        pointers.add("/contents/" + i);
      }
    } else if (root.isObject()) {
      batch.kind(JSON_DOCUMENT);
      nodes.add(root);
      pointers.add("");
    } else {
      problems.error(Origin.file(file), null, "json-structure");
      return;
    }
    if (nodes.isEmpty()) {
      problems.error(Origin.file(file), null, "empty");
      return;
    }
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Origin origin = Origin.json(file, pointers.get(i));
      JsonNode node = nodes.get(i);
      Optional<HsdsType> type = DocumentTypes.detect(node);
      if (!node.isObject()) {
        problems.error(origin, null, "json-not-object");
      } else if (type.isEmpty()) {
        problems.error(origin, null, "unknown-document");
      } else {
        documents.add(new Document(type.get(), node, origin));
      }
    }
    progress.phase(ImportStatus.VALIDATING, documents.size());
    List<List<HsdsSchemas.Violation>> violations =
        validateAll(
            documents.size(),
            i -> schemas.validate(documents.get(i).type(), documents.get(i).node()),
            progress);
    Map<UUID, Seen> seen = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      Document document = documents.get(i);
      for (HsdsSchemas.Violation violation : violations.get(i)) {
        problems.schema(document.origin(), violation);
      }
      walk(document.type(), document.node(), document.origin(), null, seen, problems);
    }
    for (Document document : documents) {
      for (HsdsRecord record : HsdsGraph.flatten(document.type(), document.node())) {
        HsdsRecord earlier = batch.records().get(record.id());
        if (earlier == null) {
          batch.records().put(record.id(), record);
        } else if (earlier.type() == record.type()) {
          ObjectNode merged = earlier.document().deepCopy();
          merged.setAll(record.document());
          batch.records().put(record.id(), new HsdsRecord(record.type(), record.id(), merged));
        }
      }
    }
    seen.forEach((id, first) -> batch.origin(id, first.origin()));
  }

  /** The first copy of an object met in a JSON document, to compare later copies with. */
  private record Seen(HsdsType type, Origin origin, ObjectNode fields) {}

  /**
   * Visits every object of a nested document as {@link HsdsGraph#flatten} does, and reports an id
   * used for objects of two types, copies of one object that disagree, and an object nested under
   * one parent that names another.
   */
  private void walk(
      HsdsType type,
      JsonNode node,
      Origin origin,
      Parent parent,
      Map<UUID, Seen> seen,
      ImportProblems problems) {
    if (node == null || !node.isObject()) {
      return;
    }
    Optional<UUID> id =
        Optional.ofNullable(node.get("id"))
            .filter(JsonNode::isString)
            .flatMap(n -> HsdsRecord.parseUuid(n.stringValue()));
    if (id.isEmpty()) {
      return;
    }
    if (parent != null) {
      JsonNode named = node.get(parent.foreignKey());
      if (named != null
          && named.isString()
          && !named.stringValue().equalsIgnoreCase(parent.id().toString())) {
        problems.error(
            origin,
            parent.foreignKey(),
            "nesting-mismatch",
            named.stringValue(),
            parent.id().toString());
      }
    }
    ObjectNode fields = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getValue().isValueNode() && !field.getValue().isNull()) {
        fields.set(field.getKey(), field.getValue());
      }
    }
    Seen first = seen.get(id.get());
    if (first == null) {
      seen.put(id.get(), new Seen(type, origin, fields));
    } else if (first.type() != type) {
      problems.error(
          origin,
          "id",
          "duplicate-id-type",
          id.get().toString(),
          first.type().schemaName(),
          type.schemaName(),
          describe(first.origin()));
    } else {
      for (Map.Entry<String, JsonNode> field : fields.properties()) {
        JsonNode earlier = first.fields().get(field.getKey());
        if (earlier != null && !earlier.equals(field.getValue())) {
          problems.error(
              origin.below("/" + field.getKey()),
              field.getKey(),
              "conflicting-copy",
              id.get().toString(),
              describe(first.origin()));
        } else if (earlier == null) {
          first.fields().set(field.getKey(), field.getValue());
        }
      }
    }
    for (HsdsType.Single single : singlesOf(type)) {
      walk(
          single.type(),
          node.get(single.property()),
          origin.below("/" + single.property()),
          null,
          seen,
          problems);
    }
    for (HsdsType.Children children : childrenOf(type)) {
      JsonNode array = node.get(children.property());
      if (array == null || !array.isArray()) {
        continue;
      }
      Parent self = new Parent(id.get(), children.foreignKey());
      for (int i = 0; i < array.size(); i++) {
        walk(
            children.type(),
            array.get(i),
            origin.below("/" + children.property() + "/" + i),
            self,
            seen,
            problems);
      }
    }
  }

  private record Parent(UUID id, String foreignKey) {}

  private static String describe(Origin origin) {
    return origin.pointer() == null || origin.pointer().isEmpty() ? "/" : origin.pointer();
  }

  /**
   * The single objects {@link HsdsGraph#flatten} follows: a service at location also nests its
   * service.
   */
  private static List<HsdsType.Single> singlesOf(HsdsType type) {
    if (type == HsdsType.SERVICE_AT_LOCATION) {
      List<HsdsType.Single> singles = new ArrayList<>(type.singles());
      singles.add(new HsdsType.Single("service", HsdsType.SERVICE, "service_id"));
      return singles;
    }
    return type.singles();
  }

  /** The arrays {@link HsdsGraph#flatten} follows: an organization also nests its services. */
  private static List<HsdsType.Children> childrenOf(HsdsType type) {
    if (type == HsdsType.ORGANIZATION) {
      List<HsdsType.Children> children = new ArrayList<>(type.children());
      children.add(new HsdsType.Children("services", HsdsType.SERVICE, "organization_id"));
      return children;
    }
    return type.children();
  }

  // ----------------------------------------------------------------------------------------- ZIP

  /**
   * The files of a ZIP, or null when it is refused: malformed, too many files, or expanding beyond
   * the limit (a ZIP bomb). Sizes are counted while inflating; the sizes a ZIP declares are not
   * trusted.
   */
  List<NamedFile> unzip(Upload upload, ImportProblems problems) {
    Origin origin = Origin.file(upload.fileName());
    long budget = properties.maxUncompressedSize().toBytes();
    List<NamedFile> files = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload.bytes()))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries++;
        if (entries > properties.maxArchiveEntries()) {
          problems.error(origin, null, "zip-too-many-entries", properties.maxArchiveEntries());
          return null;
        }
        byte[] content = readAtMost(zip, budget);
        if (content == null) {
          problems.error(
              origin, null, "zip-too-large", properties.maxUncompressedSize().toMegabytes());
          return null;
        }
        budget -= content.length;
        if (entry.isDirectory()) {
          continue;
        }
        String name = Upload.baseName(entry.getName());
        if (entry.getName().startsWith("__MACOSX/") || name.startsWith(".") || name.isEmpty()) {
          continue;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (!names.add(key)) {
          problems.error(Origin.file(name), null, "duplicate-file", name);
          continue;
        }
        files.add(new NamedFile(key, content));
      }
    } catch (IOException | IllegalArgumentException e) {
      problems.error(origin, null, "zip-malformed");
      return null;
    }
    if (files.isEmpty()) {
      problems.error(origin, null, "zip-empty");
      return null;
    }
    return files;
  }

  /** The rest of a stream, or null when it is longer than {@code limit}. */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) > 0) {
      total += read;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  // ----------------------------------------------------------------------------------------- CSV

  private record Row(HsdsType type, ObjectNode document, Origin origin) {}

  private void readCsvFiles(
      List<NamedFile> files, ImportBatch batch, ImportProblems problems, ImportProgress progress) {
    List<Row> rows = new ArrayList<>();
    boolean anyTable = false;
    List<NamedFile> ordered = new ArrayList<>(files);
    ordered.sort(
        (a, b) ->
            Integer.compare(
                HsdsType.byCsvFile(a.name()).map(t -> TabularSchema.of(t).order()).orElse(100),
                HsdsType.byCsvFile(b.name()).map(t -> TabularSchema.of(t).order()).orElse(100)));
    for (NamedFile file : ordered) {
      Optional<HsdsType> type = HsdsType.byCsvFile(file.name());
      if (file.name().equals(DATAPACKAGE)) {
        checkJsonSyntax(file.name(), file.bytes(), problems);
      } else if (type.isPresent()) {
        anyTable = true;
        parseCsv(file, TabularSchema.of(type.get()), rows, problems);
      } else if (file.name().endsWith(".csv")) {
        problems.error(Origin.file(file.name()), null, "unknown-file", file.name());
      } else {
        problems.warning(Origin.file(file.name()), null, "ignored-file", file.name());
      }
    }
    if (!anyTable) {
      problems.error(Origin.file(files.getFirst().name()), null, "no-tables");
      return;
    }
    progress.phase(ImportStatus.VALIDATING, rows.size());
    List<List<HsdsSchemas.Violation>> violations =
        validateAll(
            rows.size(),
            i -> schemas.validate(rows.get(i).type(), rows.get(i).document()),
            progress);
    Map<UUID, Origin> firstSeen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      for (HsdsSchemas.Violation violation : violations.get(i)) {
        problems.schema(row.origin(), violation);
      }
      Optional<UUID> id = idOf(row.document());
      if (id.isEmpty()) {
        continue;
      }
      Origin earlier = firstSeen.putIfAbsent(id.get(), row.origin());
      if (earlier != null) {
        problems.error(
            row.origin(),
            "id",
            "duplicate-id",
            id.get().toString(),
            earlier.file(),
            Objects.requireNonNullElse(earlier.line(), 0));
        continue;
      }
      batch.records().put(id.get(), new HsdsRecord(row.type(), id.get(), row.document()));
      batch.origin(id.get(), row.origin());
    }
  }

  private static Optional<UUID> idOf(ObjectNode document) {
    JsonNode id = document.get("id");
    return id != null && id.isString() ? HsdsRecord.parseUuid(id.stringValue()) : Optional.empty();
  }

  private void parseCsv(
      NamedFile file, TabularSchema.Table table, List<Row> rows, ImportProblems problems) {
    String text = decode(file.name(), file.bytes(), problems);
    if (text == null) {
      return;
    }
    LineIndex lines = new LineIndex(text);
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    long lastLine = 1;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        problems.error(Origin.file(file.name()), null, "csv-no-header");
        return;
      }
      CSVRecord header = records.next();
      TabularSchema.Column[] columns = new TabularSchema.Column[header.size()];
      Set<String> names = new HashSet<>();
      Origin headerOrigin = Origin.csv(file.name(), lines.lineOf(header.getCharacterPosition()));
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).strip();
        if (!names.add(name)) {
          problems.error(headerOrigin, name, "csv-duplicate-column", name);
          continue;
        }
        columns[i] = table.column(name);
        if (columns[i] == null) {
          problems.error(headerOrigin, name, "csv-unknown-column", name, file.name());
        }
      }
      if (!names.contains("id")) {
        problems.error(headerOrigin, "id", "csv-missing-id");
        return;
      }
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = lines.lineOf(record.getCharacterPosition());
        lastLine = line;
        Origin origin = Origin.csv(file.name(), line);
        if (record.size() != header.size()) {
          problems.error(origin, null, "csv-column-count", record.size(), header.size());
          continue;
        }
        ObjectNode document = NODES.objectNode();
        for (int i = 0; i < columns.length; i++) {
          TabularSchema.Column column = columns[i];
          String value = record.get(i);
          if (column == null || value.isEmpty()) {
            continue;
          }
          JsonNode typed = typed(column, value);
          if (typed == null) {
            problems.error(
                origin,
                column.name(),
                column.isBoolean() ? "csv-boolean" : "csv-number",
                value.length() > 40 ? value.substring(0, 40) + "…" : value);
          } else {
            document.set(column.name(), typed);
          }
        }
        rows.add(new Row(table.type(), document, origin));
      }
    } catch (UncheckedIOException | IllegalStateException | IOException e) {
      String message = String.valueOf(e.getMessage());
      Matcher at = PARSER_LINE.matcher(message);
      long line = at.find() ? Long.parseLong(at.group(1)) : lastLine;
      String code =
          message.contains("EOF reached before encapsulated token finished")
              ? "csv-unclosed-quote"
              : "csv-malformed";
      problems.error(Origin.csv(file.name(), line), null, code);
    }
  }

  /** A CSV cell as the JSON value its column's type calls for, or null if it is not one. */
  static JsonNode typed(TabularSchema.Column column, String value) {
    if (column.isString()) {
      return NODES.stringNode(SpreadsheetCells.unguard(value));
    }
    String text = value.strip();
    if (column.isBoolean()) {
      if (text.equalsIgnoreCase("true")) {
        return NODES.booleanNode(true);
      }
      if (text.equalsIgnoreCase("false")) {
        return NODES.booleanNode(false);
      }
      return null;
    }
    if (INTEGER.matcher(text).matches()) {
      long number = Long.parseLong(text);
      return number == (int) number ? NODES.numberNode((int) number) : NODES.numberNode(number);
    }
    if (DECIMAL.matcher(text).matches() && !"integer".equals(column.type())) {
      double number = Double.parseDouble(text);
      return Double.isFinite(number) ? NODES.numberNode(number) : null;
    }
    return null;
  }

  /** The text of a CSV file: UTF-8 only, without a byte order mark; null if not UTF-8. */
  private static String decode(String file, byte[] bytes, ImportProblems problems) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      problems.error(Origin.file(file), null, "not-utf8");
      return null;
    }
  }

  /** Line numbers of character positions in a text. */
  private static final class LineIndex {

    private final int[] lineStarts;

    LineIndex(String text) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    long lineOf(long position) {
      int found = Arrays.binarySearch(lineStarts, (int) position);
      return found >= 0 ? found + 1 : -found - 1;
    }
  }

  // ---------------------------------------------------------------------------------- validation

  private interface Validation {
    List<HsdsSchemas.Violation> of(int index);
  }

  /**
   * Validates items on all cores: the compiled schemas are shared and immutable, and each item is
   * validated on its own. Progress is reported every 256 items.
   */
  private static List<List<HsdsSchemas.Violation>> validateAll(
      int count, Validation validation, ImportProgress progress) {
    List<List<HsdsSchemas.Violation>> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      results.add(List.of());
    }
    int chunk = 256;
    IntStream.range(0, (count + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              int from = c * chunk;
              int to = Math.min(count, from + chunk);
              for (int i = from; i < to; i++) {
                List<HsdsSchemas.Violation> violations = validation.of(i);
                if (!violations.isEmpty()) {
                  synchronized (results) {
                    results.set(i, violations);
                  }
                }
              }
              progress.advance(to - from);
            });
    return results;
  }
}
