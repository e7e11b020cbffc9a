package eu.unify.keycloak.it.activation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.keycloak.testframework.ui.page.AbstractLoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The code form of the activation-code module ({@code unify-code.ftl}). */
public final class CodeFormPage extends AbstractLoginPage {

    public CodeFormPage(ManagedWebDriver driver) {
        super(driver);
    }

    @Override
    public String getExpectedPageId() {
        return "login-unify-code";
    }

    public void submitCode(String code) {
        WebElement input = driver.findElement(By.id("code"));
        input.clear();
        input.sendKeys(code);
        clickAndWaitForNextPage(driver.findElement(By.id("unify-code-submit")));
    }

    public void resend() {
        clickAndWaitForNextPage(driver.findElement(By.id("unify-code-resend")));
    }

    /**
     * Chromium's click returns once the form is submitted, not once the answer is shown; code-sending requests take
     * at least the configured minimum response time. Waiting until the clicked button belongs to a replaced page
     * makes "the server has answered (and sent its mail)" true before the test reads the mailbox.
     */
    private void clickAndWaitForNextPage(WebElement button) {
        button.click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
    }

    public boolean isResendEnabled() {
        List<WebElement> buttons = driver.driver().findElements(By.id("unify-code-resend"));
        return !buttons.isEmpty() && buttons.get(0).isEnabled();
    }

    /** The server rounds the remaining cooldown up; the page's countdown enables the button when it reaches 0. */
    public void waitUntilResendEnabled() {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(5)).until(d -> isResendEnabled());
    }

    /** The error shown for the code field, or the page's error alert. */
    public Optional<String> codeError() {
        List<WebElement> fieldError = driver.driver().findElements(By.id("input-error-code"));
        if (!fieldError.isEmpty() && !fieldError.get(0).getText().isBlank()) {
            return Optional.of(fieldError.get(0).getText().trim());
        }
        return getErrorMessage();
    }

    /** Everything the page says to the user, for comparing two pages. */
    public String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }
}
