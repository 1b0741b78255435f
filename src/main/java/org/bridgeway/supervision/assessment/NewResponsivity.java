package org.bridgeway.supervision.assessment;

import org.bridgeway.supervision.ResponsivityFactor;
import org.bridgeway.supervision.ResponsivityLevel;

/**
 * A responsivity factor to record.
 *
 * @param notes may be null; at most {@link ResponsivityFactors#MAX_NOTES} characters
 */
public record NewResponsivity(ResponsivityFactor factor, ResponsivityLevel level, String notes) {}
