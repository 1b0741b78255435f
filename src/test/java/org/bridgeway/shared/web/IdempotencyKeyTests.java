package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.shared.web.ApiClients.as;
import static org.bridgeway.shared.web.ApiClients.newClient;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiConventionsTest
class IdempotencyKeyTests {

  private static final String THINGS = "/api/v1/test-only/things";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired IdempotencyStore store;
  @Autowired ApiConventionsTestController.Gate gate;

  private final String name = "thing-" + UUID.randomUUID();
  private final String key = UUID.randomUUID().toString();
  private final BridgewayPrincipal client = newClient();

  @BeforeEach
  void setUp() {
    ApiConventionsTestController.createTable(jdbc);
    gate.reset();
  }

  private MockHttpServletRequestBuilder create(
      String path, BridgewayPrincipal caller, String key, int quantity) {
    return post(path)
        .with(as(caller))
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\":\"" + name + "\",\"quantity\":" + quantity + "}");
  }

  private long thingsWritten() {
    return jdbc.sql(
            "SELECT count(*) FROM " + ApiConventionsTestController.TABLE + " WHERE name = ?")
        .param(name)
        .query(Long.class)
        .single();
  }

  private long storedKeys(BridgewayPrincipal caller) {
    return jdbc.sql("SELECT count(*) FROM api_idempotency WHERE scope = ? AND idempotency_key = ?")
        .params(caller.reference(), key)
        .query(Long.class)
        .single();
  }

  @Test
  void repeatWithTheSameKeyReplaysTheFirstResponseWithoutRunningAgain() throws Exception {
    MvcResult first =
        mvc.perform(create(THINGS, client, key, 1))
            .andExpect(status().isCreated())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andReturn();

    MvcResult second =
        mvc.perform(create(THINGS, client, key, 1))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn();

    assertThat(second.getResponse().getContentAsString())
        .isEqualTo(first.getResponse().getContentAsString());
    assertThat(second.getResponse().getContentType())
        .isEqualTo(first.getResponse().getContentType());
    assertThat(thingsWritten()).isEqualTo(1);
  }

  @Test
  void sameKeyWithADifferentRequestIsRefusedWith422() throws Exception {
    mvc.perform(create(THINGS, client, key, 1)).andExpect(status().isCreated());

    mvc.perform(create(THINGS, client, key, 2))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Idempotency-Key reuse with a different request."));
    assertThat(thingsWritten()).isEqualTo(1);
  }

  @Test
  void sameKeyOnAnotherEndpointIsADifferentRequest() throws Exception {
    mvc.perform(create(THINGS, client, key, 1)).andExpect(status().isCreated());

    mvc.perform(create("/api/v1/test-only/stale-things", client, key, 1))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void repeatWhileTheFirstIsStillRunningIsRefusedWith409() throws Exception {
    String slow = "/api/v1/test-only/slow-things";
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<MvcResult> first =
          executor.submit(() -> mvc.perform(create(slow, client, key, 1)).andReturn());
      assertThat(gate.entered.await(30, TimeUnit.SECONDS)).as("first request started").isTrue();

      mvc.perform(create(slow, client, key, 1))
          .andExpect(status().isConflict())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(
              jsonPath("$.detail")
                  .value(org.hamcrest.Matchers.containsString("still being processed")));

      gate.open.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(201);
    } finally {
      gate.open.countDown();
      executor.shutdownNow();
    }

    mvc.perform(create(slow, client, key, 1))
        .andExpect(status().isCreated())
        .andExpect(header().string("Idempotent-Replayed", "true"));
    assertThat(thingsWritten()).isEqualTo(1);
  }

  @Test
  void differentClientsMayUseTheSameKey() throws Exception {
    BridgewayPrincipal other = newClient();

    mvc.perform(create(THINGS, client, key, 1))
        .andExpect(status().isCreated())
        .andExpect(header().doesNotExist("Idempotent-Replayed"));
    mvc.perform(create(THINGS, other, key, 1))
        .andExpect(status().isCreated())
        .andExpect(header().doesNotExist("Idempotent-Replayed"));

    assertThat(thingsWritten()).isEqualTo(2);
  }

  @Test
  void serverErrorIsNotStoredSoARetryRunsAgain() throws Exception {
    String failing = "/api/v1/test-only/failing-things";
    mvc.perform(create(failing, client, key, 1)).andExpect(status().isInternalServerError());
    assertThat(storedKeys(client)).isZero();

    mvc.perform(create(failing, client, key, 1))
        .andExpect(status().isInternalServerError())
        .andExpect(header().doesNotExist("Idempotent-Replayed"));
    assertThat(thingsWritten()).isEqualTo(2);
  }

  @Test
  void clientErrorIsStoredAndReplayed() throws Exception {
    MockHttpServletRequestBuilder invalid =
        post(THINGS)
            .with(as(client))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"quantity\":0}");
    mvc.perform(invalid).andExpect(status().isBadRequest());

    mvc.perform(invalid)
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Idempotent-Replayed", "true"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value("NotBlank"));
  }

  @Test
  void keyIsForgottenAfter24Hours() throws Exception {
    Instant start = clock.instant();
    try {
      mvc.perform(create(THINGS, client, key, 1)).andExpect(status().isCreated());
      clock.advance(Duration.ofHours(24).plusSeconds(1));

      mvc.perform(create(THINGS, client, key, 2))
          .andExpect(status().isCreated())
          .andExpect(header().doesNotExist("Idempotent-Replayed"));
    } finally {
      clock.set(start);
    }
    assertThat(thingsWritten()).isEqualTo(2);
  }

  @Test
  void anExpiredKeyMayCarryADifferentRequest() throws Exception {
    Instant start = clock.instant();
    try {
      mvc.perform(create(THINGS, client, key, 1)).andExpect(status().isCreated());
      clock.advance(Duration.ofHours(24).plusSeconds(1));

      mvc.perform(create(THINGS, client, key, 7))
          .andExpect(status().isCreated())
          .andExpect(header().doesNotExist("Idempotent-Replayed"));
      mvc.perform(create(THINGS, client, key, 7))
          .andExpect(header().string("Idempotent-Replayed", "true"));
    } finally {
      clock.set(start);
    }
    assertThat(thingsWritten()).isEqualTo(2);
    assertThat(storedKeys(client)).isEqualTo(1);
  }

  @Test
  void purgeDeletesExpiredKeysOfEveryCallerAndKeepsLiveOnes() throws Exception {
    BridgewayPrincipal other = newClient();
    Instant start = clock.instant();
    try {
      mvc.perform(create(THINGS, other, key, 1)).andExpect(status().isCreated());
      clock.advance(Duration.ofHours(24).plusSeconds(1));
      mvc.perform(create(THINGS, client, key, 1)).andExpect(status().isCreated());

      assertThat(store.purgeExpired()).isPositive();
    } finally {
      clock.set(start);
    }
    assertThat(storedKeys(other)).isZero();
    assertThat(storedKeys(client)).isEqualTo(1);
  }

  @Test
  void keyIsStillHonouredJustBefore24Hours() throws Exception {
    Instant start = clock.instant();
    try {
      mvc.perform(create(THINGS, client, key, 1)).andExpect(status().isCreated());
      clock.advance(Duration.ofHours(24).minusSeconds(1));

      mvc.perform(create(THINGS, client, key, 1))
          .andExpect(header().string("Idempotent-Replayed", "true"));
    } finally {
      clock.set(start);
    }
    assertThat(thingsWritten()).isEqualTo(1);
  }

  @Test
  void requestsWithoutAKeyRunEveryTime() throws Exception {
    MockHttpServletRequestBuilder plain =
        post(THINGS)
            .with(as(client))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"" + name + "\",\"quantity\":1}");
    mvc.perform(plain).andExpect(status().isCreated());
    mvc.perform(plain).andExpect(status().isCreated());
    assertThat(thingsWritten()).isEqualTo(2);
  }

  @Test
  void malformedKeysAreRefusedWith400() throws Exception {
    for (String bad : new String[] {"", "x".repeat(256), "clé-é", "tab\there"}) {
      mvc.perform(create(THINGS, client, bad, 1))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }
    assertThat(thingsWritten()).isZero();
  }

  @Test
  void longestAllowedKeyIsAccepted() throws Exception {
    mvc.perform(create(THINGS, client, "k".repeat(255), 1)).andExpect(status().isCreated());
  }
}
