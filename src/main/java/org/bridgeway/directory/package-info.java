/**
 * Directory: the network's community resources in Open Referral HSDS 3.0 form, with what HSDS does
 * not say (need domains, structured eligibility, live capacity, unit cost), their import and
 * export, the public {@code /hsds} API and search.
 *
 * <p>Allowed dependencies: {@code shared} (ids, vocabulary, paging), {@code identity} (who acts for
 * which organization, to decide who keeps a listing current) and {@code audit} (every change).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Directory",
    allowedDependencies = {"shared", "shared :: *", "identity", "audit"})
package org.bridgeway.directory;
