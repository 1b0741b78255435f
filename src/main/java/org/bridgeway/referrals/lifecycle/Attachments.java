package org.bridgeway.referrals.lifecycle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.referrals.ReferralId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referral attachments, stored in the database. The media type is decided from the content's magic
 * bytes (PDF, PNG, JPEG) or, for plain text, from the content being UTF-8 without control
 * characters; what the client claimed is not trusted.
 */
@Repository
public class Attachments {

  /** An attachment without its content. */
  public record Info(
      UUID id, String fileName, String mediaType, long sizeBytes, Instant uploadedAt) {}

  /** An attachment with its content, to download. */
  public record File(Info info, byte[] content) {}

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  private final JdbcClient jdbc;

  Attachments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The media type the content is, or empty if it is none of the accepted kinds. */
  static Optional<String> mediaTypeOf(byte[] content) {
    if (startsWith(content, PDF)) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(content, JPEG)) {
      return Optional.of("image/jpeg");
    }
    return plainText(content) ? Optional.of("text/plain") : Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length
        && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
  }

  private static boolean plainText(byte[] content) {
    if (content.length == 0) {
      return false;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    return text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  }

  Info store(
      ReferralId referral,
      String fileName,
      String mediaType,
      byte[] content,
      String by,
      Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO referral_attachment (id, referral_id, file_name, media_type, size_bytes,
                content, uploaded_by, uploaded_at)
            VALUES (:id, :referral, :name, :type, :size, :content, :by, :at)
            """)
        .param("id", id)
        .param("referral", referral.value())
        .param("name", fileName)
        .param("type", mediaType)
        .param("size", (long) content.length)
        .param("content", content)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
    return new Info(id, fileName, mediaType, content.length, at);
  }

  List<Info> of(ReferralId referral) {
    return jdbc.sql(
            "SELECT id, file_name, media_type, size_bytes, uploaded_at FROM referral_attachment"
                + " WHERE referral_id = :referral ORDER BY uploaded_at, id")
        .param("referral", referral.value())
        .query(
            (rs, n) ->
                new Info(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  Optional<File> find(ReferralId referral, UUID id) {
    return jdbc.sql(
            "SELECT id, file_name, media_type, size_bytes, uploaded_at, content"
                + " FROM referral_attachment WHERE referral_id = :referral AND id = :id")
        .param("referral", referral.value())
        .param("id", id)
        .query(
            (rs, n) ->
                new File(
                    new Info(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()),
                    rs.getBytes(6)))
        .optional();
  }
}
