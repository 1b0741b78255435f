package org.bridgeway.supervision.person;

/**
 * A name as written: given, middle and family. The legal name has a given and a family name; an
 * alias may lack the given name.
 */
public record PersonName(String given, String middle, String family) {

  /** "Given Middle Family", leaving out what is missing. */
  public String full() {
    StringBuilder name = new StringBuilder();
    for (String part : new String[] {given, middle, family}) {
      if (part != null && !part.isBlank()) {
        if (!name.isEmpty()) {
          name.append(' ');
        }
        name.append(part.strip());
      }
    }
    return name.toString();
  }
}
