package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The login pages' language menu. Keycloak applies {@code kc_locale} on its login-action URLs, which is where the
 * menu's options navigate to; choosing one is what a user does to change language.
 */
public final class LanguageMenu {

    private LanguageMenu() {
    }

    public static void choose(ManagedWebDriver driver, String language) {
        List<WebElement> options = driver.driver()
                .findElements(By.cssSelector("#login-select-toggle option[value*='kc_locale=" + language + "']"));
        assertThat(options).as("language menu entry for %s", language).hasSize(1);
        driver.open(URI.create(driver.getCurrentUrl()).resolve(options.get(0).getAttribute("value")).toString());
    }
}
