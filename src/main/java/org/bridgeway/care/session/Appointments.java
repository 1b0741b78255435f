package org.bridgeway.care.session;

import java.util.List;
import java.util.Optional;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All appointments of treatment episodes. */
public interface Appointments extends ListCrudRepository<Appointment, AppointmentId> {

  List<Appointment> findByEpisodeIdOrderByStartsAt(TreatmentEpisodeId episode);

  List<Appointment> findByPersonIdOrderByStartsAt(PersonId person);

  Optional<Appointment> findByProviderIdAndExternalId(OrganizationId provider, String externalId);
}
