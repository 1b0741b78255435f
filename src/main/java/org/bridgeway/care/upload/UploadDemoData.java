package org.bridgeway.care.upload;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo provider's first attendance upload, already written (two weeks of sessions of its open
 * episodes, so the upload page lists a finished upload with its report), and a second file beside
 * the API tokens to try the upload with: the same sessions with the no-shows corrected and one new
 * session per episode, which reports those added, the corrected ones changed and the rest
 * unchanged.
 */
@Component
@Profile("demo")
class UploadDemoData implements DemoDataStep {

  static final String FILE = "demo-attendance.csv";

  private final CareUploads uploads;
  private final UploadRunner runner;
  private final UploadJobStore store;
  private final TreatmentEpisodes episodes;
  private final StaffDirectory staff;
  private final Clock clock;
  private final PlatformTransactionManager transactionManager;
  private final ObjectProvider<Scheduler> scheduler;

  UploadDemoData(
      CareUploads uploads,
      UploadRunner runner,
      UploadJobStore store,
      TreatmentEpisodes episodes,
      StaffDirectory staff,
      Clock clock,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Scheduler> scheduler) {
    this.uploads = uploads;
    this.runner = runner;
    this.store = store;
    this.episodes = episodes;
    this.staff = staff;
    this.clock = clock;
    this.transactionManager = transactionManager;
    this.scheduler = scheduler;
  }

  @Override
  public int order() {
    return 470;
  }

  @Override
  public void seed(DemoData demo) {
    Optional<StaffMember> member = staff.findByEmail("provider@demo.bridgeway.example");
    if (member.isEmpty() || !store.recent(member.get().organization(), 1).isEmpty()) {
      return;
    }
    BridgewayPrincipal provider =
        BridgewayPrincipal.apiClient(
            new UUID(0, 0),
            member.get().organization(),
            OrganizationKind.TREATMENT_PROVIDER,
            "Demo data",
            "Demo data",
            Set.of(Role.PROVIDER_STAFF));
    StringBuilder first = new StringBuilder(AttendanceFileHeader.TEXT);
    StringBuilder second = new StringBuilder(AttendanceFileHeader.TEXT);
    Instant monday = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(13));
    int n = 0;
    for (TreatmentEpisode episode :
        episodes.findByProviderIdOrderByStartedOnDesc(member.get().organization())) {
      if (episode.hasEnded()) {
        continue;
      }
      for (int week = 0; week < 2; week++) {
        Instant at = monday.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(15 + n % 3));
        if (at.isBefore(episode.startedOn().atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
          continue;
        }
        boolean missed = (n + week) % 4 == 3;
        String row = row("DEMO-UP-" + n + "-" + week, episode, at, missed);
        first.append(row);
        second.append(missed ? row("DEMO-UP-" + n + "-" + week, episode, at, false) : row);
      }
      second.append(
          row(
              "DEMO-UP-" + n + "-2",
              episode,
              monday.plus(Duration.ofDays(12)).plus(Duration.ofHours(10)),
              false));
      n++;
    }
    if (n == 0) {
      return;
    }
    // Outside the step's transaction: the job commits its row before it runs, as after an upload.
    TransactionTemplate apart = new TransactionTemplate(transactionManager);
    apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    apart.executeWithoutResult(
        status -> {
          UUID job = uploads.submit(provider, "attendance-week.csv", bytes(first));
          // Where this node runs the scheduler, it runs the job it was just given, as for any
          // upload; running it here as well would run it twice at once. Without one (tests), the
          // step runs it itself, so that the demo still shows a written upload.
          if (scheduler.getIfAvailable() == null) {
            runner.run(job);
          }
        });
    Path file = demo.directory().resolve(FILE);
    try {
      Files.createDirectories(demo.directory());
      Files.write(file, bytes(second));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    demo.announce(
        "Signed in as the provider, Upload attendance and tests lists a written upload; "
            + file
            + " is a corrected file to try it with.");
  }

  private static String row(String external, TreatmentEpisode episode, Instant at, boolean missed) {
    return external
        + ","
        + episode.id().value()
        + ","
        + at
        + ",60,"
        + (missed ? "GROUP,IN_PERSON,NO_SHOW_UNEXCUSED,Did not call" : "GROUP,IN_PERSON,ATTENDED,")
        + "\n";
  }

  private static byte[] bytes(StringBuilder text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The columns of the demo's files. */
  private static final class AttendanceFileHeader {
    static final String TEXT =
        "external_id,episode_id,starts_at,duration_minutes,kind,mode,attendance,reason\n";
  }
}
