package org.bridgeway.referrals.lifecycle;

import java.time.Instant;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One step of a referral's life.
 *
 * @param actor who acted: {@code user:<id>}, {@code token:<id>} or {@code system}
 * @param organization the organization the actor acted for; null for the system
 * @param codes codes only, {@code key=value} pairs separated by semicolons (a reason code, the
 *     fields an amendment changed); null if none
 * @param note the free text given with the step (a reason, why an amendment was made); null if none
 */
@Table("referral_timeline_entry")
public record TimelineEntry(
    TimelineKind kind,
    String actor,
    @Column("organization_id") OrganizationId organization,
    Instant at,
    String codes,
    String note) {}
