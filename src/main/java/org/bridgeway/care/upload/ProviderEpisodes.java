package org.bridgeway.care.upload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;

/**
 * The uploading provider's treatment episodes, loaded once per upload: by id, each person's, and
 * the people by the number their supervising agency gives them (only when the file has a {@code
 * person_number} column). A row names its episode by {@code episode_id}, or names the person by
 * {@code person_id} or {@code person_number} and the episode is the person's at the provider on the
 * row's day. Episodes and people of other providers are not here, so a row naming them is reported
 * like one naming nothing known.
 *
 * @param byId the provider's episodes by id
 * @param byPerson each person's episodes at the provider
 * @param numbers the provider's people by agency number; null when the file names nobody by number
 */
record ProviderEpisodes(
    Map<UUID, TreatmentEpisode> byId,
    Map<UUID, List<TreatmentEpisode>> byPerson,
    SupervisedPeople.AgencyNumbers numbers) {

  static final String EPISODE_ID = "episode_id";
  static final String PERSON_ID = "person_id";
  static final String PERSON_NUMBER = "person_number";

  /** Receives a row's error: its column, code and message. */
  @FunctionalInterface
  interface Problems {
    void error(String column, String code, String message);
  }

  /**
   * The episode a row belongs to, or null after reporting why there is none.
   *
   * @param day the row's day (the appointment's, the collection's); null if the row has none, and
   *     then an episode found by person is not looked for
   * @param dayName the day as a message names it ("the appointment's day")
   */
  TreatmentEpisode resolve(
      FileHeader header,
      UUID episodeId,
      UUID personId,
      String personNumber,
      LocalDate day,
      String dayName,
      Problems problems) {
    if (episodeId != null) {
      TreatmentEpisode episode = byId.get(episodeId);
      if (episode == null) {
        problems.error(
            EPISODE_ID, "UnknownEpisode", "is not a treatment episode at your organization");
      } else if (personId != null && !episode.personId().value().equals(personId)) {
        problems.error(PERSON_ID, "PersonDiffers", "is not the episode's person");
      } else if (personNumber != null && !numbered(personNumber).contains(episode.personId())) {
        problems.error(PERSON_NUMBER, "PersonDiffers", "is not the number of the episode's person");
      }
      return episode;
    }
    UUID person = personId;
    String column = PERSON_ID;
    if (personNumber != null) {
      List<PersonId> named = numbered(personNumber);
      if (personId != null) {
        if (!named.contains(new PersonId(personId))) {
          problems.error(
              PERSON_NUMBER, "PersonDiffers", "is not the number of the row's person_id");
          return null;
        }
      } else if (named.isEmpty()) {
        problems.error(
            PERSON_NUMBER,
            "UnknownPerson",
            "is not the agency number of a person in treatment at your organization");
        return null;
      } else if (named.size() > 1) {
        problems.error(
            PERSON_NUMBER,
            "AmbiguousPerson",
            "is the agency number of several people in treatment at your organization (kept by"
                + " different agencies): give the person_id or the episode_id");
        return null;
      } else {
        person = named.getFirst().value();
        column = PERSON_NUMBER;
      }
    }
    if (person == null) {
      problems.error(
          header.has(EPISODE_ID) ? EPISODE_ID : header.has(PERSON_ID) ? PERSON_ID : PERSON_NUMBER,
          "Required",
          "the row needs the episode_id, the person_id or the person_number");
      return null;
    }
    List<TreatmentEpisode> ofPerson = byPerson.getOrDefault(person, List.of());
    if (ofPerson.isEmpty()) {
      problems.error(column, "UnknownPerson", "has no treatment episode at your organization");
      return null;
    }
    if (day == null) {
      return null;
    }
    List<TreatmentEpisode> onDay =
        ofPerson.stream()
            .filter(
                e ->
                    !day.isBefore(e.startedOn())
                        && (e.endedOn() == null || !day.isAfter(e.endedOn())))
            .toList();
    if (onDay.size() == 1) {
      return onDay.getFirst();
    }
    problems.error(
        column,
        onDay.isEmpty() ? "OutsideEpisode" : "AmbiguousPerson",
        onDay.isEmpty()
            ? "has no treatment episode at your organization on " + dayName
            : "has several treatment episodes at your organization on "
                + dayName
                + ": give the episode_id");
    return null;
  }

  private List<PersonId> numbered(String number) {
    return numbers == null ? List.of() : numbers.peopleNumbered(number);
  }
}
