package org.bridgeway.supervision.caseload;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.PersonId;

/** The command to open a supervision case of a person, assigned to an officer. */
public record OpenCase(
    PersonId person,
    SupervisionType supervisionType,
    String court,
    String docketNumber,
    LocalDate startDate,
    LocalDate expectedEndDate,
    SupervisionLevel level,
    UserId officer,
    List<Offense> offenses) {}
