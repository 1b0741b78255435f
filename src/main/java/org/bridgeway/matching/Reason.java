package org.bridgeway.matching;

import java.util.List;

/**
 * Why a service ranks where it does, or why it was excluded: a code worded by the message {@code
 * matching.reason.<code>} with the values as arguments. Values are numbers, ZIP or language codes,
 * or vocabulary codes (need domains, genders, offense categories...), never a person's name or
 * notes.
 *
 * <p>Codes of ranked services: {@code need.high}, {@code need.moderate}, {@code need.focus} (the
 * domain), {@code need.also} (how many more of the person's needs it serves); {@code distance}
 * (miles), {@code distance.transit}, {@code distance.remote}, {@code distance.unknown}; {@code
 * capacity.open} (slots), {@code capacity.waitlist} (length), {@code capacity.waitlistDays}
 * (length, estimated days), {@code capacity.unknown}; {@code language.offered}, {@code
 * language.notOffered} (the code); {@code access.offered}, {@code access.none}; {@code cost.FREE},
 * {@code cost.SLIDING_SCALE}, {@code cost.INSURANCE}, {@code cost.FIXED}, {@code cost.unknown}.
 *
 * <p>Codes of excluded services (failed rules): {@code excluded.ageBelow}, {@code
 * excluded.ageAbove} (age, limit); {@code excluded.gender}; {@code excluded.supervisionType};
 * {@code excluded.supervisionLevel}; {@code excluded.offense} (the excluded categories the person
 * has); {@code excluded.residence} (ZIP); {@code excluded.language} (the code, when an interpreter
 * is needed); {@code excluded.distance} (miles, the limit).
 */
public record Reason(String code, List<String> values) {

  public Reason {
    values = List.copyOf(values);
  }

  public static Reason of(String code, String... values) {
    return new Reason(code, List.of(values));
  }

  public String messageKey() {
    return "matching.reason." + code;
  }
}
