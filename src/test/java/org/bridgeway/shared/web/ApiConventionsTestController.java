package org.bridgeway.shared.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API endpoint that exists only in tests, to exercise the conventions of {@code /api/v1}: it
 * validates a body, pages a list, writes rows (so a replayed request can be seen not to write
 * twice) and fails in the ways real endpoints do. {@link TestComponent} keeps component scanning
 * from finding it; tests {@code @Import} it.
 */
@TestComponent
@RestController
@RequestMapping("/api/v1/test-only")
class ApiConventionsTestController {

  static final String TABLE = "api_conventions_test_thing";
  static final List<Integer> NUMBERS = IntStream.range(0, 450).boxed().toList();

  record ThingRequest(
      @NotBlank @Size(max = 100) String name,
      @Email String email,
      @NotNull @Min(1) Integer quantity,
      LocalDate due) {}

  record ThingCreated(UUID id, String name) {}

  record Received(int characters) {}

  private final JdbcClient jdbc;
  private final Gate gate;

  ApiConventionsTestController(JdbcClient jdbc, Gate gate) {
    this.jdbc = jdbc;
    this.gate = gate;
  }

  static void createTable(JdbcClient jdbc) {
    jdbc.sql(
            "CREATE TABLE IF NOT EXISTS "
                + TABLE
                + " (id UUID PRIMARY KEY, name TEXT NOT NULL, quantity INT NOT NULL)")
        .update();
  }

  @PreAuthorize("isAuthenticated()")
  @PostMapping("/things")
  @ResponseStatus(HttpStatus.CREATED)
  ThingCreated create(@Valid @RequestBody ThingRequest request) {
    return insert(request);
  }

  /** Waits for the test to open the gate, so that a second request finds this one in progress. */
  @PreAuthorize("isAuthenticated()")
  @PostMapping("/slow-things")
  @ResponseStatus(HttpStatus.CREATED)
  ThingCreated createSlowly(@Valid @RequestBody ThingRequest request) throws InterruptedException {
    gate.entered.countDown();
    if (!gate.open.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The test never opened the gate");
    }
    return insert(request);
  }

  /** Writes, then fails with a server error whose message holds secrets. */
  @PreAuthorize("isAuthenticated()")
  @PostMapping("/failing-things")
  ThingCreated createThenFail(@Valid @RequestBody ThingRequest request) {
    insert(request);
    throw new IllegalStateException("connection to secret-host:5432 refused for user admin");
  }

  private ThingCreated insert(ThingRequest request) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO " + TABLE + " (id, name, quantity) VALUES (:id, :name, :quantity)")
        .param("id", id)
        .param("name", request.name())
        .param("quantity", request.quantity())
        .update();
    return new ThingCreated(id, request.name());
  }

  @PreAuthorize("isAuthenticated()")
  @GetMapping("/things/{id}")
  ThingCreated find(@PathVariable UUID id) {
    throw new NotFoundException("thing");
  }

  @PreAuthorize("hasRole('NETWORK_ADMIN')")
  @GetMapping("/admin-only")
  List<String> adminOnly() {
    return List.of("secret");
  }

  @PreAuthorize("isAuthenticated()")
  @GetMapping("/numbers")
  PageResponse<Integer> numbers(@Valid PageQuery page) {
    return PageResponse.slice(NUMBERS, page);
  }

  @PreAuthorize("isAuthenticated()")
  @GetMapping("/search")
  List<String> search(
      @RequestParam @Size(min = 2) String term,
      @RequestParam(defaultValue = "10") @Max(50) int limit) {
    return List.of(term).subList(0, Math.min(1, limit));
  }

  @PreAuthorize("isAuthenticated()")
  @PostMapping("/stale-things")
  ThingCreated updateStale(@RequestBody ThingRequest request) {
    throw new OptimisticLockingFailureException(
        "Failed to update entity [org.bridgeway.Secret] version 3 of table secret_thing");
  }

  @PreAuthorize("isAuthenticated()")
  @PostMapping("/rule-breaking-things")
  ThingCreated breakRule(@RequestBody ThingRequest request) {
    throw new DomainRuleViolation("name", "test.thing.name.taken", "A thing with this name exists");
  }

  @PreAuthorize("isAuthenticated()")
  @PostMapping("/broken")
  ThingCreated broken() {
    throw new IllegalStateException("password=hunter2 at org.bridgeway.secret.Internal");
  }

  @PreAuthorize("isAuthenticated()")
  @ApiBodyLimit("3MB")
  @PostMapping("/uploads")
  Received upload(@RequestBody String body) {
    return new Received(body.length());
  }

  /** Lets a test hold a request inside the handler. */
  @TestComponent
  static class Gate {
    volatile CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch open = new CountDownLatch(1);

    void reset() {
      entered = new CountDownLatch(1);
      open = new CountDownLatch(1);
    }
  }
}
