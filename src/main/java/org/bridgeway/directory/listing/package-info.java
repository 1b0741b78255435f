/**
 * Keeping the directory current: which network organization stewards which directory organization,
 * the provider staff's listings (HSDS service fields and Bridgeway profile) with field-level
 * history and optimistic locking, and capacity reports from pages and provider systems.
 */
package org.bridgeway.directory.listing;
