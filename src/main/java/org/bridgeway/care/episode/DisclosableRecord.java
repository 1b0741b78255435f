package org.bridgeway.care.episode;

import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;

/**
 * One of a provider's records on an episode, as the consent engine is asked about it: who discloses
 * it, what category of information it is and how sensitive it was when written.
 *
 * @param record the record itself (an appointment, a plan, a progress report, a drug test, a
 *     discharge), shown only if the engine permits
 */
public record DisclosableRecord(
    TreatmentEpisodeId episode,
    OrganizationId provider,
    InformationCategory category,
    Sensitivity sensitivity,
    Object record) {}
