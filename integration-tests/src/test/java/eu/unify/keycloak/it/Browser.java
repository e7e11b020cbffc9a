package eu.unify.keycloak.it;

import java.time.Duration;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium's click returns once a form is submitted, not once the answer is shown. A test that reads the page, the
 * current URL or the mailbox right after a click may see the old page. Every form submit in the suite goes through
 * {@link #submitAndWait}, which returns only after the page it started on has been replaced.
 */
public final class Browser {

    private static final Duration ANSWER = Duration.ofSeconds(30);

    private Browser() {
    }

    public static void submitAndWait(ManagedWebDriver driver, Runnable submit) {
        WebElement page = driver.driver().findElement(By.tagName("html"));
        submit.run();
        new WebDriverWait(driver.driver(), ANSWER).until(ExpectedConditions.stalenessOf(page));
    }
}
