package org.bridgeway.consent;

import java.util.Objects;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * One question to the consent engine, asked for a recipient (the principal passed along): may the
 * recipient see this category of this person's information, held by this discloser, for this
 * purpose, now?
 *
 * @param person whose information it is
 * @param discloser the organization the information comes from (a treatment program, say)
 * @param category what kind of information
 * @param purpose why the recipient wants it
 * @param sensitivity the data's sensitivity; ordinary data is always permitted by the engine (the
 *     caller's role and relationship rules still apply)
 */
public record DisclosureRequest(
    PersonId person,
    OrganizationId discloser,
    InformationCategory category,
    DisclosurePurpose purpose,
    Sensitivity sensitivity) {

  public DisclosureRequest {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(discloser, "discloser");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(sensitivity, "sensitivity");
  }
}
