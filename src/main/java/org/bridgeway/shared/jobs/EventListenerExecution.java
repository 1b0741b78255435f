package org.bridgeway.shared.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where the modules' event listeners ({@code @ApplicationModuleListener}, asynchronous after the
 * publishing transaction commits) run: a fixed number of threads with a queue, instead of a virtual
 * thread per event. A burst of events (a bulk upload's signals, the county demo data's tens of
 * thousands) would otherwise start every listener at once, each wanting a database connection, and
 * the listeners beyond the pool's size failed after waiting for one. Queued events wait their turn;
 * the event publication registry still holds each until its listener completes, and republishes
 * what a crash interrupted. The publisher never blocks, so a listener that publishes events of its
 * own cannot wait on itself.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerExecution {

  @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
  ThreadPoolTaskExecutor applicationTaskExecutor(
      @Value("${bridgeway.events.listener-threads:8}") int threads) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setThreadNamePrefix("event-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(30);
    return executor;
  }
}
