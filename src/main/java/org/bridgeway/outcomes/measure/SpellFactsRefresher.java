package org.bridgeway.outcomes.measure;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Keeps the spell facts current: after a change to the read model commits, the facts of the people
 * it names (or of the whole agency) are computed again in their own transaction, and the cached
 * dashboards are dropped. The computation takes the read model's locks ({@code ReadModelLocks}), so
 * it waits for a copy of the same people still being written instead of meeting its half-replaced
 * spells. Once a day everything is computed again, as a check against drift (a change published by
 * a writer that forgot to, a fix of the facts' rules) and so that the cache never serves
 * yesterday's as-of date.
 */
@Configuration(proxyBeanMethods = false)
class SpellFactsRefresher {

  private final SpellFacts facts;
  private final MeasureCache cache;

  SpellFactsRefresher(SpellFacts facts, MeasureCache cache) {
    this.facts = facts;
    this.cache = cache;
  }

  @ApplicationModuleListener
  void on(OutcomeRecordsChanged changed) {
    if (changed.wholeAgency()) {
      facts.refreshAgency(changed.agency());
    } else {
      facts.refreshPeople(changed.agency(), changed.people());
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
