package org.bridgeway.outcomes.measure;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the spell facts current: after a change to the read model commits, the facts of the people
 * it names (or of the whole agency) are computed again in their own transaction, and the cached
 * dashboards are dropped. Once a day everything is computed again, as a check against drift (a
 * change published by a writer that forgot to, a fix of the facts' rules) and so that the cache
 * never serves yesterday's as-of date.
 */
@Configuration(proxyBeanMethods = false)
class SpellFactsRefresher {

  private static final Logger log = LoggerFactory.getLogger(SpellFactsRefresher.class);

  /** How often a refresh that met a concurrent writer is tried again. */
  private static final int ATTEMPTS = 5;

  private final SpellFacts facts;
  private final MeasureCache cache;
  private final TransactionTemplate newTransaction;

  SpellFactsRefresher(
      SpellFacts facts, MeasureCache cache, PlatformTransactionManager transactionManager) {
    this.facts = facts;
    this.cache = cache;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @ApplicationModuleListener
  void on(OutcomeRecordsChanged changed) {
    for (int attempt = 1; ; attempt++) {
      try {
        // Each attempt in a transaction of its own: one that failed cannot be continued.
        newTransaction.executeWithoutResult(
            status -> {
              if (changed.wholeAgency()) {
                facts.refreshAgency(changed.agency());
              } else {
                facts.refreshPeople(changed.people());
              }
            });
        break;
      } catch (DataIntegrityViolationException | PessimisticLockingFailureException met) {
        // A writer of the read model replaced some of these spells while their facts were being
        // computed (the platform copy replaces a person's spells; they commit independently of
        // this listener). Once it has committed, the same computation succeeds.
        if (attempt == ATTEMPTS) {
          throw met;
        }
        log.info(
            "Spell facts of agency {} met a concurrent change; trying again ({} of {})",
            changed.agency(),
            attempt + 1,
            ATTEMPTS);
        pause(attempt);
      }
    }
    cache.clear();
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Bean
  RecurringTask<Void> outcomeFactsDailyRefresh(SpellFacts spellFacts, MeasureCache measureCache) {
    return Tasks.recurring("outcomes-spell-facts-daily", Schedules.daily(LocalTime.of(3, 15)))
        .execute(
            (instance, context) -> {
              spellFacts.refreshAll();
              measureCache.clear();
            });
  }
}
