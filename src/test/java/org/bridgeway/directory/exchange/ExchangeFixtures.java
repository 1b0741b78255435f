package org.bridgeway.directory.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The official HSDS examples with fresh ids, ZIPs and CSV reading for exchange tests. */
final class ExchangeFixtures {

  static final JsonMapper JSON = JsonMapper.shared();
  private static final Pattern UUIDS =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private ExchangeFixtures() {}

  static String resource(String path) {
    try (InputStream in = ExchangeFixtures.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every id of a text replaced by a new one, consistently, so that references still hold. */
  static String withFreshIds(String text, Map<String, String> fresh) {
    Matcher ids = UUIDS.matcher(text);
    StringBuilder replaced = new StringBuilder();
    while (ids.find()) {
      ids.appendReplacement(
          replaced, fresh.computeIfAbsent(ids.group(), id -> UUID.randomUUID().toString()));
    }
    ids.appendTail(replaced);
    return replaced.toString();
  }

  /** An official JSON example, text, with fresh ids. */
  static String exampleWithFreshIds(String name) {
    return withFreshIds(resource("/hsds/examples/" + name), new HashMap<>());
  }

  /** The official CSV example, every file, with fresh ids (the same across files). */
  static Map<String, byte[]> csvExampleWithFreshIds() {
    Map<String, String> fresh = new HashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.list(csvExamples())) {
      for (Path path : paths.sorted().toList()) {
        files.put(
            path.getFileName().toString(),
            withFreshIds(Files.readString(path), fresh).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static Path csvExamples() {
    try {
      return Path.of(ExchangeFixtures.class.getResource("/hsds/examples/csv").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Map<String, byte[]> unzip(byte[] bytes) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        files.put(entry.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The rows of a CSV file as maps from column to value (empty cells left out). */
  static List<Map<String, String>> rows(byte[] csv) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(new String(csv, StandardCharsets.UTF_8)),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord record : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        record
            .toMap()
            .forEach(
                (k, v) -> {
                  if (!v.isEmpty()) {
                    row.put(k, v);
                  }
                });
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * A CSV file with only its header and the rows whose first cell (the id) is one of {@code ids}.
   */
  static byte[] onlyRows(byte[] csv, java.util.Set<String> ids) {
    StringBuilder out = new StringBuilder();
    try (CSVParser parser =
            CSVParser.parse(
                new StringReader(new String(csv, StandardCharsets.UTF_8)), CSVFormat.RFC4180);
        org.apache.commons.csv.CSVPrinter printer =
            new org.apache.commons.csv.CSVPrinter(out, CSVFormat.RFC4180)) {
      boolean header = true;
      for (CSVRecord record : parser) {
        if (header || ids.contains(record.get(0))) {
          printer.printRecord(record.toList());
        }
        header = false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<String> header(byte[] csv) {
    String text = new String(csv, StandardCharsets.UTF_8);
    String first = text.substring(0, text.indexOf('\n')).strip();
    return List.of(first.split(","));
  }

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/directory-exchange");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  static ImportProblems problems() {
    return new ImportProblems(messages(), 500);
  }

  /**
   * A document with arrays of objects sorted by id and empty arrays dropped: nested HSDS documents
   * are equivalent when they hold the same objects, in whatever order the export lists them.
   */
  static JsonNode normalized(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      object.properties().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                JsonNode value = e.getValue();
                if (!(value.isArray() && value.isEmpty())) {
                  copy.set(e.getKey(), normalized(value));
                }
              });
      return copy;
    }
    if (node instanceof ArrayNode array) {
      List<JsonNode> elements = new ArrayList<>();
      array.forEach(element -> elements.add(normalized(element)));
      elements.sort((a, b) -> a.path("id").asString("").compareTo(b.path("id").asString("")));
      ArrayNode copy = JSON.createArrayNode();
      elements.forEach(copy::add);
      return copy;
    }
    return node;
  }
}
