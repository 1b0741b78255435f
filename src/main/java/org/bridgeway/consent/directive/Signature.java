package org.bridgeway.consent.directive;

import java.time.LocalDate;

/**
 * How and when the person signed (§2.31(a)(8)-(9)).
 *
 * @param typedName the name the person typed (electronic signatures)
 * @param attestedBy actor reference of the staff member who attested the electronic signature with
 *     the person present
 */
public record Signature(
    LocalDate signedOn,
    SignatureMethod method,
    String typedName,
    String attestedBy,
    FormLanguage language) {}
