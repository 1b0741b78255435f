package org.bridgeway.directory.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsSchemas;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;
import org.junit.jupiter.api.Test;

class BridgewayTaxonomyTest {

  private static final UUID SERVICE = UUID.randomUUID();

  private static ServiceProfile profile() {
    return new ServiceProfile(
        SERVICE,
        Set.of(NeedDomain.SUBSTANCE_USE, NeedDomain.MENTAL_HEALTH),
        18,
        64,
        Set.of(Gender.FEMALE),
        Set.of(SupervisionType.PROBATION, SupervisionType.PAROLE),
        Set.of(SupervisionLevel.MODERATE, SupervisionLevel.HIGH),
        Set.of(OffenseCategory.SEX_OFFENSE, OffenseCategory.ARSON),
        Set.of(InsuranceCoverage.MEDICAID),
        Set.of("92501"),
        Set.of("en", "es"),
        Set.of(AccessibilityFeature.WHEELCHAIR_ACCESS),
        CostKind.SLIDING_SCALE,
        new BigDecimal("85.50"),
        "session",
        0);
  }

  @Test
  void profileAndCapacityComeBackFromTheirAttributes() {
    Capacity capacity =
        new Capacity(SERVICE, 3, 7, 14, Instant.parse("2026-11-20T09:00:00Z"), "user:x", 4);

    List<HsdsRecord> attributes = BridgewayTaxonomy.attributesOf(profile(), capacity);
    BridgewayTaxonomy.Extensions read = BridgewayTaxonomy.read(SERVICE, attributes);

    assertThat(read.violations()).isEmpty();
    assertThat(read.profile()).isEqualTo(profile());
    assertThat(read.capacity())
        .contains(
            new BridgewayTaxonomy.CapacityReport(3, 7, 14, Instant.parse("2026-11-20T09:00:00Z")));
  }

  @Test
  void attributesTermsAndTaxonomyAreValidHsdsWithStableIds() {
    HsdsSchemas schemas = new HsdsSchemas();
    List<HsdsRecord> records = new ArrayList<>(BridgewayTaxonomy.taxonomyRecords());
    records.addAll(BridgewayTaxonomy.attributesOf(profile(), null));

    assertThat(records)
        .allSatisfy(r -> assertThat(schemas.validate(r.type(), r.document())).isEmpty());
    assertThat(records).allMatch(BridgewayTaxonomy::isBridgewayRecord);
    assertThat(BridgewayTaxonomy.attributesOf(profile(), null))
        .extracting(HsdsRecord::id)
        .containsExactlyElementsOf(
            BridgewayTaxonomy.attributesOf(profile(), null).stream().map(HsdsRecord::id).toList());
  }

  @Test
  void unreadableValuesAreReportedByTermAndNotGuessed() {
    List<HsdsRecord> attributes =
        List.of(
            BridgewayTaxonomy.attribute(SERVICE, BridgewayTaxonomy.Term.NEED_DOMAIN, "ASTROLOGY"),
            BridgewayTaxonomy.attribute(SERVICE, BridgewayTaxonomy.Term.MINIMUM_AGE, "eighteen"),
            BridgewayTaxonomy.attribute(SERVICE, BridgewayTaxonomy.Term.CAPACITY_OPEN_SLOTS, "2"));

    BridgewayTaxonomy.Extensions read = BridgewayTaxonomy.read(SERVICE, attributes);

    assertThat(read.violations())
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder(
            "bridgeway:need-domain", "bridgeway:minimum-age", "bridgeway:capacity");
    assertThat(read.capacity()).isEmpty();
  }

  @Test
  void otherTaxonomiesAttributesAreNotBridgeways() {
    HsdsRecord attribute =
        BridgewayTaxonomy.attribute(SERVICE, BridgewayTaxonomy.Term.GENDER, "MALE");
    attribute.document().put("taxonomy_term_id", UUID.randomUUID().toString());
    assertThat(BridgewayTaxonomy.isBridgewayRecord(attribute)).isFalse();
    assertThat(attribute.type()).isEqualTo(HsdsType.ATTRIBUTE);
  }
}
