package org.bridgeway.directory.openreferral;

/**
 * A query parameter of the {@code /hsds} API has a value the API cannot use: malformed, out of
 * range, or naming something that does not exist (an unknown ZIP code or taxonomy). Answered 400,
 * with the parameter named.
 */
public class HsdsParameterException extends RuntimeException {

  private final String parameter;
  private final String code;

  /**
   * @param parameter the query parameter, as the API names it ({@code per_page})
   * @param code what kind of rule failed ({@code range}, {@code format}, {@code unknown})
   * @param message what is wrong, for a person to read
   */
  public HsdsParameterException(String parameter, String code, String message) {
    super(message);
    this.parameter = parameter;
    this.code = code;
  }

  public String parameter() {
    return parameter;
  }

  public String code() {
    return code;
  }
}
