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
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Keeps the spell facts current: after a change to the read model commits, the facts of the people
 * it names (or of the whole agency) are computed again in their own transaction, and the cached
 * dashboards are dropped. Once a day everything is computed again, as a check against drift (a
 * change published by a writer that forgot to, a fix of the facts' rules) and so that the cache
 * never serves yesterday's as-of date.
 */
@Configuration(proxyBeanMethods = false)
class SpellFactsRefresher {

  private final SpellFacts facts;
  private final MeasureCache cache;

  SpellFactsRefresher(SpellFacts facts, MeasureCache cache) {
    this.facts = facts;
    this.cache = cache;
  }

  private static final Logger log = LoggerFactory.getLogger(SpellFactsRefresher.class);

  @ApplicationModuleListener
  void on(OutcomeRecordsChanged changed) {
    try {
      if (changed.wholeAgency()) {
        facts.refreshAgency(changed.agency());
      } else {
        facts.refreshPeople(changed.people());
      }
    } catch (DataIntegrityViolationException replacedMeanwhile) {
      // A writer replaced some of these spells while their facts were computed (the copy of the
      // platform's records replaces its spells). That writer publishes its own change after its
      // commit, and the refresh it causes computes these facts again; nothing is lost.
      log.info(
          "Spell facts of agency {} are computed again after a concurrent change",
          changed.agency());
    }
    cache.clear();
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
