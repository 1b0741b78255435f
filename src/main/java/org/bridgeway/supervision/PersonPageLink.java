package org.bridgeway.supervision;

/**
 * A page about a person that another module keeps (consents, treatment), linked from the person
 * page. Modules that depend on supervision declare one as a bean; the person page lists them in
 * their order, so supervision never depends on them.
 */
public interface PersonPageLink {

  /** The message key of the link's text. */
  String messageKey();

  /** The page's path for the person, e.g. {@code /consent/people/{id}}. */
  String path(PersonId person);

  /** Where the link goes in the list: lower first. */
  int order();
}
