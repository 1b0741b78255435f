package org.bridgeway.referrals.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import org.bridgeway.identity.OrganizationId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The response deadline settings of provider organizations ({@code referral_provider_setting}),
 * with the configured defaults for a provider that set none.
 */
@Repository
public class DeadlineSettings {

  private final JdbcClient jdbc;
  private final ReferralProperties properties;

  DeadlineSettings(JdbcClient jdbc, ReferralProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** A provider's settings; version 0 and {@code configured} false for the defaults. */
  public record Setting(
      OrganizationId provider,
      int responseBusinessDays,
      int reminderHours,
      long version,
      boolean configured) {}

  Setting of(OrganizationId provider) {
    return jdbc.sql(
            "SELECT response_business_days, reminder_hours, version FROM referral_provider_setting"
                + " WHERE provider_organization_id = :provider")
        .param("provider", provider.value())
        .query((rs, n) -> new Setting(provider, rs.getInt(1), rs.getInt(2), rs.getLong(3), true))
        .optional()
        .orElseGet(
            () ->
                new Setting(
                    provider,
                    properties.responseBusinessDays(),
                    properties.reminderHours(),
                    0,
                    false));
  }

  /**
   * Saves a provider's settings if they are still at {@code version}.
   *
   * @return the new version
   * @throws OptimisticLockingFailureException if someone changed them since
   */
  long save(OrganizationId provider, int days, int hours, long version, String by, Instant at) {
    int changed =
        version == 0
            ? jdbc.sql(
                    """
                    INSERT INTO referral_provider_setting (provider_organization_id,
                        response_business_days, reminder_hours, version, updated_by, updated_at)
                    VALUES (:provider, :days, :hours, 1, :by, :at)
                    ON CONFLICT (provider_organization_id) DO NOTHING
                    """)
                .param("provider", provider.value())
                .param("days", days)
                .param("hours", hours)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update()
            : jdbc.sql(
                    """
                    UPDATE referral_provider_setting SET response_business_days = :days,
                        reminder_hours = :hours, version = version + 1, updated_by = :by,
                        updated_at = :at
                    WHERE provider_organization_id = :provider AND version = :version
                    """)
                .param("provider", provider.value())
                .param("days", days)
                .param("hours", hours)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("version", version)
                .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException(
          "The deadline settings of " + provider + " are no longer at version " + version);
    }
    return version + 1;
  }
}
