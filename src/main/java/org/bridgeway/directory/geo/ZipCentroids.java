package org.bridgeway.directory.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The centroid of every U.S. ZIP Code Tabulation Area (2020 Census; {@code classpath:geo/}, see its
 * SOURCE.md), so that a search "near 97201" has a point to measure from. Loaded once, on first use.
 */
@Component
public class ZipCentroids {

  private volatile Map<String, Coordinates> centroids;

  /** The centroid of a five-digit ZIP code, if the Census knows it. */
  public Optional<Coordinates> centroid(String zip) {
    if (zip == null || !zip.matches("\\d{5}")) {
      return Optional.empty();
    }
    return Optional.ofNullable(centroids().get(zip));
  }

  private Map<String, Coordinates> centroids() {
    Map<String, Coordinates> loaded = centroids;
    if (loaded == null) {
      synchronized (this) {
        if (centroids == null) {
          centroids = load();
        }
        loaded = centroids;
      }
    }
    return loaded;
  }

  private static Map<String, Coordinates> load() {
    Map<String, Coordinates> map = new HashMap<>(40_000);
    try (InputStream in = ZipCentroids.class.getResourceAsStream("/geo/us-zcta-centroids.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] columns = line.split("\t");
        map.put(
            columns[0],
            new Coordinates(Double.parseDouble(columns[1]), Double.parseDouble(columns[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ZIP code centroids", e);
    }
    return Map.copyOf(map);
  }
}
