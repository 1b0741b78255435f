package org.bridgeway.care.record;

import java.util.EnumSet;
import java.util.Set;
import org.bridgeway.care.episode.Substance;

/**
 * What a test screened for. The standard panels name their substances; a custom panel names them on
 * the test.
 */
public enum TestPanel {
  FIVE_PANEL(
      EnumSet.of(
          Substance.AMPHETAMINES,
          Substance.CANNABIS,
          Substance.COCAINE,
          Substance.OPIATES,
          Substance.OTHER)),
  TEN_PANEL(
      EnumSet.of(
          Substance.AMPHETAMINES,
          Substance.BENZODIAZEPINES,
          Substance.CANNABIS,
          Substance.COCAINE,
          Substance.METHADONE,
          Substance.METHAMPHETAMINE,
          Substance.OPIATES,
          Substance.OXYCODONE,
          Substance.OTHER)),
  TWELVE_PANEL(
      EnumSet.of(
          Substance.AMPHETAMINES,
          Substance.BENZODIAZEPINES,
          Substance.BUPRENORPHINE,
          Substance.CANNABIS,
          Substance.COCAINE,
          Substance.FENTANYL,
          Substance.METHADONE,
          Substance.METHAMPHETAMINE,
          Substance.OPIATES,
          Substance.OXYCODONE,
          Substance.OTHER)),
  ALCOHOL_ETG(EnumSet.of(Substance.ALCOHOL)),
  CUSTOM(EnumSet.noneOf(Substance.class));

  private final Set<Substance> screened;

  TestPanel(Set<Substance> screened) {
    this.screened = screened;
  }

  /** The substances the panel screens for; none for a custom panel, which names them itself. */
  public Set<Substance> screened() {
    return screened.isEmpty() ? Set.of() : EnumSet.copyOf(screened);
  }

  public String messageKey() {
    return "care.panel." + name();
  }
}
