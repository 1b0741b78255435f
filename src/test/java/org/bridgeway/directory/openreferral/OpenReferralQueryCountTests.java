package org.bridgeway.directory.openreferral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.openreferral.DirectoryData.Listing;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page of the {@code /hsds} API costs a fixed handful of queries, not a few per item: the page of
 * 50 issues exactly as many SQL statements as the page of 5. Counts the statements sent through
 * {@link JdbcClient}, which every directory repository reads with.
 */
@IntegrationTest
@AutoConfigureMockMvc
class OpenReferralQueryCountTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  /** Counts {@code JdbcClient.sql(...)} calls: one per statement. */
  static final class StatementCounter {
    final AtomicInteger statements = new AtomicInteger();
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class CountStatements {

    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }

    @Bean
    static BeanPostProcessor countingJdbcClient(
        org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof JdbcClient client)) {
            return bean;
          }
          return Proxy.newProxyInstance(
              JdbcClient.class.getClassLoader(),
              new Class<?>[] {JdbcClient.class},
              (proxy, method, args) -> {
                if (method.getName().equals("sql")) {
                  counter.getObject().statements.incrementAndGet();
                }
                try {
                  return method.invoke(client, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        }
      };
    }
  }

  @Autowired MockMvc mvc;
  @Autowired StatementCounter counter;
  @Autowired HsdsRecords records;
  @Autowired TransactionTemplate transactions;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;

  @Test
  void aPageOfFiftyCostsNoMoreQueriesThanAPageOfFive() throws Exception {
    DirectoryData data = new DirectoryData(records, transactions);
    String word = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    for (int i = 0; i < 60; i++) {
      Listing listing = data.listing("Counted " + i + " " + word, NOW, 45.5, -122.6, "97201");
      data.write(
          List.of(
              DirectoryData.record(
                  HsdsType.PHONE,
                  UUID.randomUUID(),
                  "service_id",
                  listing.service().toString(),
                  "number",
                  "503-555-01" + (i % 10) + (i / 10))),
          NOW);
      ServiceProfile profile = ServiceProfile.empty(listing.service());
      profiles.save(
          new ServiceProfile(
              listing.service(),
              Set.of(NeedDomain.HOUSING),
              18,
              null,
              Set.of(),
              Set.of(),
              Set.of(),
              Set.of(),
              Set.of(),
              Set.of(),
              Set.of("en"),
              Set.of(),
              null,
              null,
              null,
              profile.version()),
          NOW);
      capacities.report(listing.service(), i % 4, 1, null, "user:test", NOW, null);
    }

    Map<String, int[]> counts = new LinkedHashMap<>();
    for (String url :
        List.of(
            "/hsds/services?search=" + word,
            "/hsds/services?full=true&search=" + word,
            "/hsds/services?minimal=true&search=" + word,
            "/hsds/services?postcode=97201&search=" + word,
            "/hsds/service_at_locations?search=" + word,
            "/hsds/service_at_locations?full=true&search=" + word,
            "/hsds/organizations?search=" + word,
            "/hsds/organizations?full=true&search=" + word,
            "/hsds/organizations?full_service=true&search=" + word)) {
      counts.put(
          url, new int[] {statements(url + "&per_page=5"), statements(url + "&per_page=50")});
    }

    assertThat(counts)
        .allSatisfy(
            (url, count) -> {
              assertThat(count[1]).as(url + " (5 vs 50)").isEqualTo(count[0]);
              assertThat(count[1]).as(url).isLessThanOrEqualTo(20);
            });
  }

  private int statements(String url) throws Exception {
    counter.statements.set(0);
    int status = mvc.perform(get(url)).andReturn().getResponse().getStatus();
    assertThat(status).as(url).isEqualTo(200);
    return counter.statements.get();
  }
}
