package org.bridgeway.care.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.List;
import java.util.UUID;
import org.bridgeway.care.upload.CareUploads;
import org.bridgeway.care.upload.UploadStatus;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The care generator at a small profile: the events it reports are the rows written, a second run
 * with the same seed writes nothing, and the attendance file it builds for the upload benchmark
 * passes every check of the upload.
 */
@IntegrationTest
class CareGeneratorIntegrationTests {

  @Autowired CareGenerator generator;
  @Autowired CareUploads uploads;
  @Autowired OneTimeTask<Void> careUploadTask;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired JdbcClient jdbc;

  @Test
  void aSmallProfileWritesTheEventsItCountsOnce() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    for (int i = 0; i < 6; i++) {
      supervision.supervised(agency);
    }
    List<OrganizationId> providers = List.of(care.provider(), care.provider());
    long seed = UUID.randomUUID().getMostSignificantBits() >>> 20;

    CareGenerator.Summary summary =
        generator.generate(new CareGenerator.Sizes(1_500), agency, providers, seed);

    assertThat(summary.alreadyThere()).isFalse();
    assertThat(summary.events()).isGreaterThanOrEqualTo(1_500).isLessThan(1_800);
    assertThat(count("care_episode", agency)).isEqualTo(summary.episodes());
    assertThat(count("care_appointment", agency)).isEqualTo(summary.appointments());
    assertThat(count("care_drug_test", agency)).isEqualTo(summary.drugTests());
    assertThat(count("care_discharge", agency)).isEqualTo(summary.discharges());
    assertThat(summary.attendance()).isLessThanOrEqualTo(summary.appointments());

    CareGenerator.Summary again =
        generator.generate(new CareGenerator.Sizes(1_500), agency, providers, seed);
    assertThat(again.alreadyThere()).isTrue();
    assertThat(count("care_appointment", agency)).isEqualTo(summary.appointments());
  }

  @Test
  void theBenchmarksAttendanceFilePassesTheUpload() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    for (int i = 0; i < 3; i++) {
      supervision.supervised(agency);
    }
    OrganizationId provider = care.provider();
    long seed = UUID.randomUUID().getMostSignificantBits() >>> 20;
    List<UUID> episodes = generator.openEpisodes(agency, provider, 4, seed);
    String prefix = "B" + Long.toHexString(seed);
    byte[] file = generator.attendanceFile(episodes, 120, prefix, seed);

    UUID job = uploads.submit(CareFixtures.staffOf(provider), "bench.csv", file);
    careUploadTask.execute(careUploadTask.instance(job.toString()), null);

    assertThat(uploads.find(CareFixtures.staffOf(provider), job).orElseThrow().status())
        .isEqualTo(UploadStatus.SUCCEEDED);
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_appointment WHERE provider_id = ?")
                .param(provider.value())
                .query(Long.class)
                .single())
        .isEqualTo(120);
  }

  /** Rows of a care table for the episodes of the agency's people. */
  private long count(String table, OrganizationId agency) {
    String episodes = "SELECT id FROM care_episode WHERE agency_id = :agency";
    String sql =
        table.equals("care_episode")
            ? "SELECT count(*) FROM care_episode WHERE agency_id = :agency"
            : "SELECT count(*) FROM " + table + " WHERE episode_id IN (" + episodes + ")";
    return jdbc.sql(sql).param("agency", agency.value()).query(Long.class).single();
  }
}
