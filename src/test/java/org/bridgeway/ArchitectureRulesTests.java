package org.bridgeway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** House rules that module boundaries alone do not enforce. */
@AnalyzeClasses(packages = "org.bridgeway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTests {

  /**
   * Web plumbing: classes in a package named {@code web}, {@code signin} or {@code token} (at any
   * depth: {@code org.bridgeway.identity.signin}, {@code org.bridgeway.shared.web}), and
   * controllers and controller advice wherever they are (meta-annotations count, so a
   * {@code @RestController} is a controller). Everything else is domain code: aggregates,
   * repositories, application services, events, configuration of persistence and jobs.
   */
  private static final DescribedPredicate<JavaClass> WEB_PLUMBING =
      DescribedPredicate.describe(
          "web plumbing (packages ..web.., ..signin.., ..token.., or controllers and advice)",
          type ->
              type.getPackageName().matches(".*\\.(web|signin|token)(\\..*)?")
                  || isControllerOrAdvice(type)
                  || type.getEnclosingClass()
                      .map(ArchitectureRulesTests::isControllerOrAdvice)
                      .orElse(false));

  private static boolean isControllerOrAdvice(JavaClass type) {
    return type.isMetaAnnotatedWith(Controller.class)
        || type.isAnnotatedWith(Controller.class)
        || type.isMetaAnnotatedWith(ControllerAdvice.class)
        || type.isAnnotatedWith(ControllerAdvice.class);
  }

  /**
   * Domain code knows nothing of HTTP, so it can be called from a page, the API, a job or a test.
   */
  @ArchTest
  static final ArchRule domainCodeDoesNotDependOnTheWeb =
      noClasses()
          .that(DescribedPredicate.not(WEB_PLUMBING))
          // Reads the current request's address and session for audit entries: request plumbing
          // that sits in audit.internal because the audit trail's implementation uses it. Moving
          // it to audit.web would make this exception unnecessary.
          .and()
          .doNotHaveFullyQualifiedName("org.bridgeway.audit.internal.RequestOrigin")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.servlet..", "org.springframework.web..", "org.springframework.ui..")
          .because("only web plumbing handles HTTP; domain code is called through plain methods");

  /** A repository is a module's own business: other modules go through its facade. */
  @ArchTest
  static final ArchRule repositoriesAreUsedOnlyInsideTheirModule =
      classes()
          .that()
          .areAssignableTo(Repository.class)
          .and()
          .resideInAPackage("org.bridgeway..")
          .should(beAccessedOnlyFromTheirOwnModule())
          .allowEmptyShould(true);

  /** House style: controllers are package-private; nothing calls them but Spring MVC. */
  @ArchTest
  static final ArchRule controllersAreNotPublic =
      classes()
          .that()
          .areMetaAnnotatedWith(Controller.class)
          .or()
          .areAnnotatedWith(Controller.class)
          .should()
          .notBePublic()
          .allowEmptyShould(true);

  /** Constructor injection only: dependencies are explicit and objects are complete when built. */
  @ArchTest
  static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

  private static String moduleOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith("org.bridgeway.")) {
      return null;
    }
    String rest = name.substring("org.bridgeway.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnModule() {
    return new ArchCondition<>("be used only by classes of their own module") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        String module = moduleOf(repository);
        for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
          JavaClass user = dependency.getOriginClass();
          if (module != null && !module.equals(moduleOf(user))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
