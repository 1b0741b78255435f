/**
 * The shared vocabulary of the supervision network: need domains, supervision types and levels,
 * offense categories, genders and payment sources. Assessments, directory eligibility, matching and
 * outcomes all speak these codes, so they live here rather than in any one of those modules.
 */
package org.bridgeway.shared.vocabulary;
