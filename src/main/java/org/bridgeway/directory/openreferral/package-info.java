/**
 * The public Open Referral HSDS 3.0 API under {@code /hsds}: read-only, no sign-in, any origin,
 * following the HSDS 3.0 API reference ({@code classpath:hsds/schema/openapi.json}). Its answers
 * validate against the reference's response schemas (HSDS compiled and per-object schemas).
 *
 * <p>Choices where the reference leaves room:
 *
 * <ul>
 *   <li><b>Statuses</b>: every service is listed, whatever its {@code status} (active, inactive,
 *       defunct, temporarily closed), as the reference has no status filter; clients read {@code
 *       status}. (The search module's pages show only active services.)
 *   <li><b>Paging</b>: {@code page} from 1, {@code per_page} 1 to 500 (default 50). {@code size} is
 *       the number of items on the page and {@code empty} says the page has none, as the
 *       reference's descriptions say; a page past the last is empty, not an error.
 *   <li><b>{@code last_modified}</b> of a service is when Bridgeway's copy of it, or anything
 *       attached to it, last changed: its record, any record pointing to it (phones, schedules,
 *       service areas, services at locations, attributes, ...), its profile or its capacity. {@code
 *       modified_after} compares the same times (on or after); for a service at location, its own
 *       record, its service's and its location's (and their attached records') count too.
 *   <li><b>{@code search}</b>: every word must appear, case and accents ignored, in the name,
 *       alternate name or description (of the service, also for services at locations; of the
 *       organization; taxonomies: name and description; terms: code, name and description). Ranked
 *       full-text search with stemming belongs to the search module.
 *   <li><b>{@code taxonomy_term_id}, {@code taxonomy_id}</b>: services with an attribute of the
 *       term (or of any term of the taxonomy) linked to the service (for services at locations: to
 *       the service at location or its service), Bridgeway's generated attributes included.
 *   <li><b>{@code postcode}</b> is a U.S. ZIP code (ZIP+4 accepted, its first five digits used) and
 *       must be a known ZIP Code Tabulation Area. With {@code proximity} (meters, more than 0) only
 *       locations within that great-circle distance of its centroid match, nearest first for
 *       services at locations. Without {@code proximity}, a service matches when its profile's
 *       residency rule names the ZIP code, one of its service areas names it (in name, description
 *       or a text extent; GeoJSON extents are not interpreted), or one of its locations has an
 *       address in it; a service at location when its service says it covers the ZIP code or its
 *       location has an address in it. {@code proximity} without {@code postcode} is a 400.
 *   <li><b>Unknown values</b>: a malformed value, or an id in a filter that names nothing ({@code
 *       organization_id}, {@code taxonomy_id}, {@code taxonomy_term_id}, {@code parent_id}), is a
 *       400 naming the parameter; unknown parameters are ignored. An unknown or malformed id in a
 *       path is a 404.
 *   <li><b>{@code top_only}</b> keeps terms without a parent (the reference's description, "have
 *       not child terms", is read as "are not child terms").
 *   <li><b>{@code full_service}</b> on the organization list implies {@code full}; {@code minimal}
 *       gives {@code id} and {@code last_modified} only, and cannot be combined with {@code full}.
 *   <li><b>{@code format=ndjson}</b> streams every match, one object per line, in the shape the
 *       other parameters ask for, without a page envelope.
 * </ul>
 */
package org.bridgeway.directory.openreferral;
