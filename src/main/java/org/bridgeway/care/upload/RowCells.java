package org.bridgeway.care.upload;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.care.episode.TreatmentEpisode;

/**
 * The cells of one data row of an uploaded file, read by column name; every error is added to the
 * file's errors and marks the row failed. Each kind of file adds its own readers.
 */
class RowCells {

  final int row;
  private final List<String> cells;
  private final FileHeader header;
  private final UploadErrors errors;
  boolean failed;

  RowCells(int row, List<String> cells, FileHeader header, UploadErrors errors) {
    this.row = row;
    this.cells = cells;
    this.header = header;
    this.errors = errors;
  }

  /**
   * Whether the row has as many cells as the header; if not, the row is reported malformed and
   * nothing in it is read.
   */
  static boolean fits(int row, List<String> cells, FileHeader header, UploadErrors errors) {
    if (cells.size() == header.width()) {
      return true;
    }
    errors.add(
        row,
        null,
        "Malformed",
        "the row has " + cells.size() + " cells, the header " + header.width());
    return false;
  }

  /**
   * The episode the row belongs to: by episode_id, or else the person's (by person_id or
   * person_number) at the provider on the row's day. An episode of another provider is reported
   * like a missing one.
   *
   * @param dayName the day as a message names it ("the collection day")
   */
  TreatmentEpisode episode(ProviderEpisodes episodes, LocalDate day, String dayName) {
    UUID episodeId = uuid(ProviderEpisodes.EPISODE_ID);
    UUID personId = uuid(ProviderEpisodes.PERSON_ID);
    String personNumber = text(ProviderEpisodes.PERSON_NUMBER);
    if (failed) {
      return null;
    }
    return episodes.resolve(header, episodeId, personId, personNumber, day, dayName, this::error);
  }

  void error(String column, String code, String message) {
    failed = true;
    errors.add(row, column, code, message);
  }

  boolean blank(String column) {
    return text(column) == null;
  }

  /** The cell's text, trimmed; null if blank or if the file has no such column. */
  String text(String column) {
    int at = header.at(column);
    return at < 0 ? null : cells.get(at);
  }

  UUID uuid(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException notUuid) {
      // Reported below.
    }
    error(column, "Invalid", "must be an id (UUID) as Bridgeway gives it");
    return null;
  }

  /** A code of the enum, in any case, spaces for underscores; required unless {@code optional}. */
  <E extends Enum<E>> E code(String column, Class<E> type, boolean optional) {
    String value = text(column);
    if (value == null) {
      if (!optional) {
        error(column, "Required", "is required");
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException unknown) {
      error(column, "Unknown", "must be one of " + names(type));
      return null;
    }
  }

  <E extends Enum<E>> E code(String column, Class<E> type) {
    return code(column, type, false);
  }

  static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
