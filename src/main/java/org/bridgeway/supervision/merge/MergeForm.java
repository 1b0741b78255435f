package org.bridgeway.supervision.merge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The merge review form: which record survives, why, and the versions of both records as the
 * reviewer read them (hidden fields).
 */
public class MergeForm {

  @NotNull(message = "{supervision.merge.form.survivor.required}")
  private UUID survivor;

  @NotBlank(message = "{supervision.merge.form.reason.required}")
  @Size(max = 1000, message = "{supervision.merge.form.reason.size}")
  private String reason;

  @NotNull private Long version;

  @NotNull private Long otherVersion;

  public UUID getSurvivor() {
    return survivor;
  }

  public void setSurvivor(UUID survivor) {
    this.survivor = survivor;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public Long getOtherVersion() {
    return otherVersion;
  }

  public void setOtherVersion(Long otherVersion) {
    this.otherVersion = otherVersion;
  }
}
