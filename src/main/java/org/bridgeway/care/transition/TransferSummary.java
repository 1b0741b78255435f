package org.bridgeway.care.transition;

import java.time.Instant;
import java.util.Objects;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What the sending provider tells the receiving provider at a hand-off: protected information of
 * the sending provider, stamped with its sensitivity when written. Rewritten as a whole until the
 * receiving provider has what it needs; one per transition.
 */
@Table("care_transfer_summary")
public class TransferSummary {

  /** The longest summary, in characters. */
  public static final int MAX_SUMMARY = 4000;

  @Id private final TransitionId transitionId;
  private final OrganizationId providerId;
  private String summary;
  private Sensitivity sensitivity;
  private String writtenBy;
  private Instant writtenAt;
  @Version private Long version;

  @PersistenceCreator
  TransferSummary(
      TransitionId transitionId,
      OrganizationId providerId,
      String summary,
      Sensitivity sensitivity,
      String writtenBy,
      Instant writtenAt,
      Long version) {
    this.transitionId = transitionId;
    this.providerId = providerId;
    this.summary = summary;
    this.sensitivity = sensitivity;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
    this.version = version;
  }

  static TransferSummary write(
      TransitionId transition,
      OrganizationId provider,
      String summary,
      Sensitivity sensitivity,
      String by,
      Instant at) {
    return new TransferSummary(
        Objects.requireNonNull(transition),
        Objects.requireNonNull(provider),
        checked(summary),
        Objects.requireNonNull(sensitivity),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        null);
  }

  /** Replaces the text (the sending provider corrects or completes it). */
  void rewrite(String text, Sensitivity level, String by, Instant at) {
    summary = checked(text);
    sensitivity = Objects.requireNonNull(level);
    writtenBy = Objects.requireNonNull(by);
    writtenAt = Objects.requireNonNull(at);
  }

  private static String checked(String summary) {
    String text = summary == null ? "" : summary.strip();
    if (text.isEmpty() || text.length() > MAX_SUMMARY) {
      throw new IllegalArgumentException("A summary has 1 to " + MAX_SUMMARY + " characters");
    }
    return text;
  }

  public TransitionId transitionId() {
    return transitionId;
  }

  public OrganizationId providerId() {
    return providerId;
  }

  public String summary() {
    return summary;
  }

  public Sensitivity sensitivity() {
    return sensitivity;
  }

  public String writtenBy() {
    return writtenBy;
  }

  public Instant writtenAt() {
    return writtenAt;
  }

  public Long version() {
    return version;
  }
}
