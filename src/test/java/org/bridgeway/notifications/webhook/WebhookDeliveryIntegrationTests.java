package org.bridgeway.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.NotificationFixtures;
import org.bridgeway.testing.NotificationFixtures.Parties;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhooks against a real HTTP receiver: the signature verifies with the secret, a failed
 * delivery is retried after its backoff, and the changes of one referral arrive in version order.
 */
@IntegrationTest
class WebhookDeliveryIntegrationTests {

  record Received(String signature, String delivery, String body) {}

  @Autowired TestUsers testUsers;
  @Autowired NotificationFixtures fixtures;
  @Autowired WebhookSender sender;
  @Autowired Webhooks webhooks;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationProperties properties;
  @Autowired JsonMapper json;

  HttpServer receiver;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
  String url;
  OrganizationId agency;
  OrganizationId provider;
  Parties parties;
  UserId officer;

  @BeforeEach
  void setUp() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (!exchange.getRequestURI().getPath().startsWith(URI.create(url).getPath())) {
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
            return;
          }
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE),
                  exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY),
                  body));
          Integer status = answers.poll();
          exchange.sendResponseHeaders(status == null ? 204 : status, -1);
          exchange.close();
        });
    receiver.start();
    // A path of its own, so that a delivery left pending by another test to a port that happens to
    // be reused is told apart.
    url = "http://localhost:" + receiver.getAddress().getPort() + "/hook/" + UUID.randomUUID();
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    officer = testUsers.withoutSecondFactor(agency, Role.OFFICER).id();
    parties = new Parties(agency, officer, provider, null);
  }

  @AfterEach
  void tearDown() {
    receiver.stop(0);
  }

  @Test
  void deliveriesAreSignedRetriedAfterAFailureAndKeptInVersionOrder() {
    Webhooks.Registered endpoint = fixtures.webhook(provider, url);
    ReferralId referral = ReferralId.random();
    fixtures.publish(
        fixtures.change(referral, Change.SENT, ReferralState.SENT, parties, officer, 1));
    fixtures.publish(
        fixtures.change(referral, Change.AMENDED, ReferralState.SENT, parties, officer, 2));
    await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(endpoint).size() == 2);

    answers.add(500);
    sender.deliverDue();
    assertThat(received).as("the later version waits for the earlier").hasSize(1);
    assertThat(deliveries(endpoint))
        .filteredOn(d -> d.referralVersion() == 1)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
              assertThat(d.attempts()).isEqualTo(1);
              assertThat(d.lastStatusCode()).isEqualTo(500);
              assertThat(d.nextAttemptAt()).isAfter(clock.instant());
            });

    sender.deliverDue();
    assertThat(received).as("not before its backoff").hasSize(1);

    clock.advance(properties.maxRetry().plusMinutes(1));
    sender.deliverDue();
    assertThat(received).hasSize(3);
    assertThat(deliveries(endpoint))
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED));

    List<JsonNode> bodies = received.stream().map(r -> json.readTree(r.body())).toList();
    assertThat(bodies).extracting(b -> b.get("version").asLong()).containsExactly(1L, 1L, 2L);
    JsonNode sent = bodies.get(1);
    assertThat(sent.get("type").asString()).isEqualTo("referral.sent");
    assertThat(sent.get("referralId").asString()).isEqualTo(referral.toString());
    assertThat(sent.get("state").asString()).isEqualTo("SENT");
    assertThat(sent.get("fhirTaskStatus").asString()).isEqualTo("requested");
    assertThat(sent.get("links").get("self").asString()).isEqualTo("/api/v1/referrals/" + referral);
    assertThat(bodies.get(2).get("type").asString()).isEqualTo("referral.amended");
    for (Received r : received) {
      assertThat(json.readTree(r.body()).get("id").asString()).isEqualTo(r.delivery());
      long t = Long.parseLong(r.signature().substring(2, r.signature().indexOf(',')));
      assertThat(r.signature())
          .isEqualTo(WebhookSender.signature(endpoint.secret(), t, r.body()))
          .isNotEqualTo(WebhookSender.signature("another secret", t, r.body()));
    }
  }

  @Test
  void onlyTheConcernedOrganizationsActiveEndpointsReceiveAnEvent() {
    Webhooks.Registered providers = fixtures.webhook(provider, url);
    Webhooks.Registered agencys = fixtures.webhook(agency, url);
    Webhooks.Registered paused = fixtures.webhook(provider, url + "/paused");
    webhooks.update(
        Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN),
        paused.endpoint().id(),
        paused.endpoint().events(),
        false,
        paused.endpoint().version());
    OrganizationId stranger = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    Webhooks.Registered strangers = fixtures.webhook(stranger, url);

    fixtures.publish(
        fixtures.change(ReferralId.random(), Change.SENT, ReferralState.SENT, parties, officer, 1));
    await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(agencys).size() == 1);
    assertThat(deliveries(providers)).hasSize(1);
    assertThat(deliveries(paused)).isEmpty();
    assertThat(deliveries(strangers)).isEmpty();
  }

  @Test
  void aDeliveredEventCanBeRedelivered() {
    Webhooks.Registered endpoint = fixtures.webhook(provider, url);
    fixtures.publish(
        fixtures.change(ReferralId.random(), Change.SENT, ReferralState.SENT, parties, officer, 1));
    await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(endpoint).size() == 1);
    sender.deliverDue();
    Delivery delivered = deliveries(endpoint).getFirst();
    assertThat(delivered.status()).isEqualTo(Delivery.Status.DELIVERED);

    webhooks.redeliver(admin(provider), endpoint.endpoint().id(), delivered.id());
    assertThat(deliveries(endpoint).getFirst().status()).isEqualTo(Delivery.Status.PENDING);
    sender.deliverDue();
    assertThat(received).hasSize(2);
    assertThat(received).extracting(Received::delivery).containsOnly(delivered.id().toString());
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND record_id = ?")
                .params("notifications.webhook.redeliver", delivered.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private List<Delivery> deliveries(Webhooks.Registered endpoint) {
    return webhooks.deliveries(
        admin(endpoint.endpoint().organizationId()), endpoint.endpoint().id());
  }

  private static org.bridgeway.identity.BridgewayPrincipal admin(OrganizationId organization) {
    return Principals.user(
        organization, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN);
  }
}
