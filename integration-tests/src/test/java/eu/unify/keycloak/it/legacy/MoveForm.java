package eu.unify.keycloak.it.legacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;

import eu.unify.keycloak.it.Browser;

/**
 * The move page of {@code unify-legacy-migration} (unify-legacy-move.ftl) as a user meets it: one block per account
 * with an address field, a forward box for sub-accounts, "Move the accounts" and, before the deadline, "Later".
 */
final class MoveForm {

    static final By FORM = By.id("unify-legacy-move-form");
    static final By INFO_FORM = By.id("unify-legacy-move-info-form");

    private final ManagedWebDriver driver;

    MoveForm(ManagedWebDriver driver) {
        this.driver = driver;
    }

    boolean isShown() {
        return !driver.driver().findElements(FORM).isEmpty();
    }

    boolean isInfoShown() {
        return !driver.driver().findElements(INFO_FORM).isEmpty();
    }

    /** The listed accounts by legacy username, in page order, with the index of their fields. */
    Map<String, String> accounts() {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (WebElement hidden : driver.driver().findElements(By.cssSelector("input[name^='account-']"))) {
            accounts.put(hidden.getAttribute("value"), hidden.getAttribute("name").substring("account-".length()));
        }
        return accounts;
    }

    WebElement email(String legacyUsername) {
        return driver.findElement(By.id("email-" + index(legacyUsername)));
    }

    String error(String legacyUsername) {
        return driver.findElement(By.id("email-" + index(legacyUsername) + "-error")).getText().trim();
    }

    /** Types the addresses (replacing what is there) and ticks the forward box of the given accounts. */
    MoveForm fill(Map<String, String> emails, Set<String> forward) {
        emails.forEach((account, email) -> {
            WebElement field = email(account);
            field.clear();
            field.sendKeys(email);
        });
        for (String account : forward) {
            WebElement box = driver.findElement(By.id("forward-" + index(account)));
            if (!box.isSelected()) {
                box.click();
            }
        }
        return this;
    }

    boolean hasLater() {
        return !driver.driver().findElements(By.id("unify-legacy-move-later")).isEmpty();
    }

    /** "Move the accounts", through the page's own checks. */
    void submit() {
        Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-legacy-move-submit")).click());
    }

    /** Clicks "Move the accounts" when the page's script is expected to stop the submit: nothing is sent. */
    void submitBlockedByThePage() {
        driver.findElement(By.id("unify-legacy-move-submit")).click();
    }

    /** Sends the form as it is, past the page's script: what the server alone decides. */
    void submitPastTheScript() {
        Browser.submitAndWait(driver, () -> ((JavascriptExecutor) driver.driver())
                .executeScript("document.getElementById('unify-legacy-move-form').submit();"));
    }

    void later() {
        Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-legacy-move-later")).click());
    }

    /** Sends "later" although the page offers no such button (a forged request). */
    void forgeLater() {
        Browser.submitAndWait(driver, () -> ((JavascriptExecutor) driver.driver()).executeScript(
                "var f = document.getElementById('unify-legacy-move-form');"
                        + "var i = document.createElement('input'); i.type = 'hidden'; i.name = 'later'; i.value = 'true';"
                        + "f.appendChild(i); f.submit();"));
    }

    void continueAsSubAccount() {
        Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-legacy-move-continue")).click());
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The form's action and fields as the browser would post them now (for replaying it outside the browser). */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (WebElement input : driver.findElement(FORM).findElements(By.tagName("input"))) {
            String type = input.getAttribute("type");
            if ("checkbox".equals(type) && !input.isSelected()) {
                continue;
            }
            fields.put(input.getAttribute("name"), input.getAttribute("value"));
        }
        return fields;
    }

    String action() {
        return driver.findElement(FORM).getAttribute("action");
    }

    List<String> legacyUsernames() {
        return List.copyOf(accounts().keySet());
    }

    private String index(String legacyUsername) {
        String index = accounts().get(legacyUsername);
        if (index == null) {
            throw new NoSuchElementException("no account " + legacyUsername + " on the move page: " + accounts());
        }
        return index;
    }
}
