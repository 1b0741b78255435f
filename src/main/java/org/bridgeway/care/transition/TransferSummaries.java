package org.bridgeway.care.transition;

import org.springframework.data.repository.ListCrudRepository;

/** The transfer summaries of hand-offs, one per transition. */
interface TransferSummaries extends ListCrudRepository<TransferSummary, TransitionId> {}
