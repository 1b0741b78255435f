package org.bridgeway.directory.exchange;

import java.util.Locale;

/**
 * An uploaded file as the importer sees it.
 *
 * @param fileName the name the client gave it (used in the report and to recognise CSV files)
 * @param contentType the media type the client declared, or null
 * @param bytes the content
 */
public record Upload(String fileName, String contentType, byte[] bytes) {

  public Upload {
    fileName = fileName == null || fileName.isBlank() ? "upload" : baseName(fileName.strip());
    bytes = bytes == null ? new byte[0] : bytes;
  }

  String lowerName() {
    return fileName.toLowerCase(Locale.ROOT);
  }

  /** Browsers on some systems send the whole path; only the name is kept. */
  static String baseName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String base = slash >= 0 ? name.substring(slash + 1) : name;
    return base.length() > 200 ? base.substring(0, 200) : base;
  }
}
