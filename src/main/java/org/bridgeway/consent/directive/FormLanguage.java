package org.bridgeway.consent.directive;

/** The language of the consent form the person signed. */
public enum FormLanguage {
  EN("en"),
  ES("es");

  private final String code;

  FormLanguage(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static FormLanguage ofCode(String code) {
    for (FormLanguage language : values()) {
      if (language.code.equals(code)) {
        return language;
      }
    }
    throw new IllegalArgumentException("Unknown form language " + code);
  }
}
