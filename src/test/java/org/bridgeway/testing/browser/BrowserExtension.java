package org.bridgeway.testing.browser;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each test class of a {@link BrowserTest} one {@link Browser} on the application's random
 * port, closed after the class; deletes its cookies before each test; and saves a screenshot when a
 * test fails ({@code target/screenshots/<class>-<method>-failed.png}).
 */
final class BrowserExtension
    implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    browser(context).reset();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      Browser browser = classStore(context).get(Browser.class, Browser.class);
      if (browser != null) {
        try {
          browser.screenshot(
              context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getRequiredTestMethod().getName()
                  + "-failed");
        } catch (RuntimeException e) {
          context.getExecutionException().get().addSuppressed(e);
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return browser(context);
  }

  private static Browser browser(ExtensionContext context) {
    return classStore(context)
        .computeIfAbsent(Browser.class, key -> Browser.start(baseUrl(context)), Browser.class);
  }

  /** The store of the test class, so that the browser lives as long as the class's tests. */
  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE);
  }

  private static String baseUrl(ExtensionContext context) {
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    String port = application.getEnvironment().getProperty("local.server.port");
    if (port == null) {
      throw new IllegalStateException(
          "No local.server.port: a @BrowserTest needs webEnvironment = RANDOM_PORT");
    }
    return "http://localhost:" + port;
  }
}
