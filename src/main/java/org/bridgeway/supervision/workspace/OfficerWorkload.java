package org.bridgeway.supervision.workspace;

import java.util.UUID;

/**
 * One officer's workload on the team page.
 *
 * @param office the name of the office the officer works from
 * @param openCases open cases assigned to the officer
 * @param overdue open cases with something overdue
 * @param highRisk open cases of people assessed at high or very high risk
 */
public record OfficerWorkload(
    UUID officer, String name, String office, int openCases, int overdue, int highRisk) {}
