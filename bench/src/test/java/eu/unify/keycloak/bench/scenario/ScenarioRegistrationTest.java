package eu.unify.keycloak.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import eu.unify.keycloak.bench.BulkMeasurement;
import eu.unify.keycloak.bench.Scenario;

class ScenarioRegistrationTest {

    @Test
    void everyRegisteredScenarioHasAUniqueNameAndARegisteredBaseline() {
        List<Scenario> scenarios = ServiceLoader.load(Scenario.class).stream().map(ServiceLoader.Provider::get).toList();
        List<String> names = scenarios.stream().map(Scenario::name).toList();

        assertThat(names).startsWith("stock-login").doesNotHaveDuplicates()
                .contains("stock-reset-link", "unify-reset-code", "stock-otp-check", "unify-code-check",
                        "stock-token-refresh", "unify-entitlements-token", "unify-legacy-first-login",
                        "unify-legacy-linked-login", "unify-legacy-moved-login");
        for (Scenario scenario : scenarios) {
            // Registered, and earlier: the table lists a baseline before what is compared with it.
            scenario.baseline().ifPresent(baseline -> assertThat(names.indexOf(baseline))
                    .isNotNegative().isLessThan(names.indexOf(scenario.name())));
            assertThat(scenario.batchScale()).isPositive();
            assertThat(scenario.stepDescription()).isNotBlank();
        }
    }

    @Test
    void bulkMeasurementsHaveNamesOfTheirOwn() {
        List<String> scenarios = ServiceLoader.load(Scenario.class).stream().map(p -> p.get().name()).toList();
        List<String> bulks = ServiceLoader.load(BulkMeasurement.class).stream().map(p -> p.get().name()).toList();

        assertThat(bulks).contains("unify-legacy-sync").doesNotHaveDuplicates().doesNotContainAnyElementsOf(scenarios);
    }
}
