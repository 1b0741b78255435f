package org.bridgeway.identity.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.organization.Organizations;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.identity.token.TokenHashing;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.Users;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo network: 40 organizations of every kind, a named demo user for every role (all with the
 * same password and a second factor already enrolled), staff for the other organizations, and an
 * API token for every organization written to a file.
 */
@Component
@Profile("demo")
class IdentityDemoData implements DemoDataStep {

  static final String EMAIL_DOMAIN = "demo.bridgeway.example";
  static final String PASSWORD = "Riverside-Demo-Pass-26";
  static final String TOKEN_FILE = "demo-api-tokens.txt";

  /** The people someone trying the demo signs in as, one per role. */
  record DemoUser(String localPart, String name, Role role, int organization) {}

  static final List<DemoUser> DEMO_USERS =
      List.of(
          new DemoUser("admin", "Avery Network-Admin", Role.NETWORK_ADMIN, 0),
          new DemoUser("orgadmin", "Jordan Org-Admin", Role.ORGANIZATION_ADMIN, 0),
          new DemoUser("officer", "Maria Officer", Role.OFFICER, 0),
          new DemoUser("supervisor", "Sam Supervisor", Role.SUPERVISOR, 0),
          new DemoUser("analyst", "Priya Analyst", Role.ANALYST, 0),
          new DemoUser("provider", "Dana Provider", Role.PROVIDER_STAFF, 7),
          new DemoUser("provideradmin", "Lee Provider-Admin", Role.ORGANIZATION_ADMIN, 7),
          new DemoUser("partner", "Chris Court-Liaison", Role.PARTNER_STAFF, 1),
          new DemoUser("coordinator", "Robin Coordinator", Role.COMMUNITY_COORDINATOR, 21));

  private static final String[] PLACES = {
    "Riverside", "Cedar Valley", "Lakeshore", "North Fork", "Pine Hill", "Harbor", "Maple Grove",
    "Stone Creek", "Westfield", "Oak Ridge", "Clearwater", "Eastgate", "Willow Bend", "Summit"
  };
  private static final String[] FIRST = {
    "Alex", "Bianca", "Carlos", "Deja", "Evan", "Fatima", "Grace", "Hector", "Imani", "Jamal",
    "Keiko", "Luis", "Monique", "Nadia", "Omar", "Paula", "Quinn", "Rosa", "Tyrone", "Wen"
  };
  private static final String[] LAST = {
    "Alvarez", "Brooks", "Chen", "Diaz", "Ellis", "Foster", "Garcia", "Hughes", "Ibrahim",
    "Johnson", "Kim", "Lopez", "Morgan", "Nguyen", "Okafor", "Patel", "Reyes", "Smith", "Turner"
  };

  private final Organizations organizations;
  private final Users users;
  private final ApiTokenService tokens;
  private final PasswordEncoder passwordEncoder;
  private final JdbcClient jdbc;
  private final Clock clock;

  IdentityDemoData(
      Organizations organizations,
      Users users,
      ApiTokenService tokens,
      PasswordEncoder passwordEncoder,
      JdbcClient jdbc,
      Clock clock) {
    this.organizations = organizations;
    this.users = users;
    this.tokens = tokens;
    this.passwordEncoder = passwordEncoder;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public void seed(DemoData demo) {
    List<Organization> network = organizations(demo);
    if (organizations.findById(network.get(0).id()).isEmpty()) {
      Instant now = clock.instant();
      organizations.saveAll(network);
      String passwordHash = passwordEncoder.encode(PASSWORD);
      for (DemoUser demoUser : DEMO_USERS) {
        saveEnrolled(
            demo,
            demoUser.localPart(),
            demoUser.name(),
            Set.of(demoUser.role()),
            network.get(demoUser.organization()).id(),
            passwordHash,
            now);
      }
      seedStaff(demo, network, passwordHash, now);
      for (Organization organization : network) {
        tokens.issueUnchecked(
            organization.id(),
            "Demo client of " + organization.name(),
            Set.of(tokenRole(organization.kind())),
            null,
            null,
            tokenValue(demo, organization));
      }
    }
    writeTokenFile(demo, network);
    demo.announce("Sign in with any of these demo users; the password of all is: " + PASSWORD);
    for (DemoUser demoUser : DEMO_USERS) {
      demo.announce(
          String.format(
              "  %-40s %s",
              demoUser.localPart() + "@" + EMAIL_DOMAIN,
              demoUser.name() + " (" + demoUser.role() + ")"));
    }
    demo.announce(
        "The second-factor code of a demo user is shown on the code page and in this log");
    demo.announce("after the password step (demo mode only; no phone needed).");
    demo.announce(
        "API tokens of the demo organizations: "
            + demo.directory().resolve(TOKEN_FILE).toAbsolutePath().normalize());
  }

  /** The demo secret of a demo user: derived from the seed, so it is the same on every run. */
  static String totpSecretFor(String email) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("demo-totp:" + DemoData.SEED + ":" + email).getBytes(StandardCharsets.UTF_8));
      return org.bridgeway.identity.signin.Totp.secretFrom(java.util.Arrays.copyOf(digest, 20));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void saveEnrolled(
      DemoData demo,
      String localPart,
      String name,
      Set<Role> roles,
      OrganizationId organization,
      String passwordHash,
      Instant now) {
    String email = localPart + "@" + EMAIL_DOMAIN;
    User user =
        User.invite(new UserId(demo.id("user:" + email)), organization, email, name, roles, now);
    user.acceptInvitation(passwordHash, now);
    user.beginSecondFactorEnrolment(totpSecretFor(email));
    user.confirmSecondFactor(0, Set.of());
    user.recordSignIn(now);
    users.save(user);
  }

  private void seedStaff(
      DemoData demo, List<Organization> network, String passwordHash, Instant now) {
    Random random = demo.random("identity-staff");
    for (int index = 0; index < network.size(); index++) {
      Organization organization = network.get(index);
      List<Role> roles = staffRoles(organization.kind(), random);
      for (int n = 0; n < roles.size(); n++) {
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        String localPart = "staff" + index + "-" + n;
        saveEnrolled(
            demo, localPart, name, Set.of(roles.get(n)), organization.id(), passwordHash, now);
      }
    }
  }

  private static List<Role> staffRoles(OrganizationKind kind, Random random) {
    List<Role> roles = new ArrayList<>();
    switch (kind) {
      case PROBATION_AGENCY -> {
        for (int i = 0; i < 14; i++) {
          roles.add(Role.OFFICER);
        }
        roles.add(Role.SUPERVISOR);
        roles.add(Role.SUPERVISOR);
      }
      case TREATMENT_PROVIDER, COMMUNITY_ORGANIZATION -> {
        int staff = 1 + random.nextInt(3);
        for (int i = 0; i < staff; i++) {
          roles.add(Role.PROVIDER_STAFF);
        }
        if (kind == OrganizationKind.COMMUNITY_ORGANIZATION && random.nextBoolean()) {
          roles.add(Role.COMMUNITY_COORDINATOR);
        }
      }
      case COURT, LAW_ENFORCEMENT, SOCIAL_SERVICES -> roles.add(Role.PARTNER_STAFF);
      case FUNDER -> roles.add(Role.ANALYST);
    }
    return roles;
  }

  /** 40 organizations: the kinds in the proportions of a county network. */
  private static List<Organization> organizations(DemoData demo) {
    Instant created = Instant.parse("2026-01-05T09:00:00Z");
    List<Organization> network = new ArrayList<>();
    String[] names = {
      "Riverside County Probation Department",
      "Riverside County Superior Court",
      "Cedar Valley Municipal Court",
      "Riverside County Sheriff's Office",
      "Lakeshore Police Department",
      "Riverside County Department of Social Services",
      "Riverside County Housing Authority",
    };
    OrganizationKind[] kinds = {
      OrganizationKind.PROBATION_AGENCY,
      OrganizationKind.COURT,
      OrganizationKind.COURT,
      OrganizationKind.LAW_ENFORCEMENT,
      OrganizationKind.LAW_ENFORCEMENT,
      OrganizationKind.SOCIAL_SERVICES,
      OrganizationKind.SOCIAL_SERVICES,
    };
    for (int i = 0; i < names.length; i++) {
      network.add(
          Organization.register(
              new OrganizationId(demo.id("organization:" + i)), names[i], kinds[i], created));
    }
    String[] treatment = {
      "Recovery Center",
      "Behavioral Health",
      "Counseling Services",
      "Treatment Associates",
      "Wellness Clinic",
      "Outpatient Recovery",
      "Family Health Center"
    };
    String[] community = {
      "Workforce Alliance",
      "Housing Coalition",
      "Reentry Network",
      "Mentoring Project",
      "Adult Learning Center",
      "Food Bank",
      "Legal Aid Society"
    };
    for (int i = 0; i < 14; i++) {
      int index = network.size();
      String name = PLACES[i] + " " + treatment[i % treatment.length];
      network.add(
          Organization.register(
              new OrganizationId(demo.id("organization:" + index)),
              name,
              OrganizationKind.TREATMENT_PROVIDER,
              created));
    }
    for (int i = 0; i < 15; i++) {
      int index = network.size();
      String name =
          PLACES[(i + i / community.length) % PLACES.length]
              + " "
              + community[i % community.length];
      network.add(
          Organization.register(
              new OrganizationId(demo.id("organization:" + index)),
              name,
              OrganizationKind.COMMUNITY_ORGANIZATION,
              created));
    }
    String[] funders = {
      "Riverside Community Foundation",
      "State Office of Justice Grants",
      "United Way of Riverside County",
      "Cedar Valley Health Trust"
    };
    for (String funder : funders) {
      int index = network.size();
      network.add(
          Organization.register(
              new OrganizationId(demo.id("organization:" + index)),
              funder,
              OrganizationKind.FUNDER,
              created));
    }
    return network;
  }

  private static Role tokenRole(OrganizationKind kind) {
    return switch (kind) {
      case PROBATION_AGENCY -> Role.OFFICER;
      case TREATMENT_PROVIDER, COMMUNITY_ORGANIZATION -> Role.PROVIDER_STAFF;
      case COURT, LAW_ENFORCEMENT, SOCIAL_SERVICES -> Role.PARTNER_STAFF;
      case FUNDER -> Role.ANALYST;
    };
  }

  private static String tokenValue(DemoData demo, Organization organization) {
    return "bw_demo_"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                TokenHashing.sha256("demo-token:" + DemoData.SEED + ":" + organization.id())
                    .substring(0, 32)
                    .getBytes(StandardCharsets.US_ASCII));
  }

  private void writeTokenFile(DemoData demo, List<Organization> network) {
    StringBuilder file = new StringBuilder();
    file.append(
        "# Bridgeway demo API tokens (demo mode only). Use one as: Authorization: Bearer <token>\n");
    file.append("# organization\tkind\ttoken\n");
    for (Organization organization : network) {
      file.append(organization.name())
          .append('\t')
          .append(organization.kind())
          .append('\t')
          .append(tokenValue(demo, organization))
          .append('\n');
    }
    try {
      Files.createDirectories(demo.directory());
      Path target = demo.directory().resolve(TOKEN_FILE);
      Files.writeString(target, file.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the demo token file", e);
    }
  }
}
