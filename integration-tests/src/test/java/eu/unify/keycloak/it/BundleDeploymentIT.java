package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.ThemeInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** The server runs with the packaged bundle: its themes and every provider it registers are live. */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
class BundleDeploymentIT {

    @InjectAdminClient
    Keycloak admin;

    private ServerInfoRepresentation serverInfo;

    @BeforeEach
    void readServerInfo() {
        serverInfo = admin.serverInfo().getInfo();
    }

    @Test
    void serverIsTheConfiguredKeycloakVersion() {
        assertThat(serverInfo.getSystemInfo().getVersion()).isEqualTo(System.getProperty("unify.keycloak.version"));
    }

    @Test
    void listsTheUnifyLoginThemeInFourLanguages() {
        ThemeInfoRepresentation login = theme("login").orElseThrow(() -> new AssertionError("no unify login theme"));
        assertThat(login.getLocales()).contains(Languages.ALL.toArray(String[]::new));
    }

    @Test
    void listsTheUnifyEmailTheme() {
        ThemeInfoRepresentation email = theme("email").orElseThrow(() -> new AssertionError("no unify email theme"));
        assertThat(email.getLocales()).contains(Languages.ALL.toArray(String[]::new));
    }

    /**
     * Every provider factory the bundle registers is loaded by the server and reports the bundle's version in the
     * admin console's provider info.
     */
    @Test
    void everyBundledProviderIsLoadedAndReportsTheBundleVersion() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String factoryClass : bundledFactoryClasses()) {
            String id = providerId(factoryClass);
            Optional<ProviderRepresentation> provider = serverInfo.getProviders().values().stream()
                    .map(spi -> spi.getProviders().get(id))
                    .filter(p -> p != null)
                    .findFirst();
            if (provider.isEmpty()) {
                problems.add(id + " (" + factoryClass + ") is not loaded");
                continue;
            }
            Map<String, String> info = provider.get().getOperationalInfo();
            String version = info == null ? null : info.get("version");
            if (!System.getProperty("unify.version").equals(version)) {
                problems.add(id + " reports version " + version);
            }
        }
        assertThat(problems).isEmpty();
    }

    private Optional<ThemeInfoRepresentation> theme(String type) {
        return serverInfo.getThemes().get(type).stream().filter(t -> "unify".equals(t.getName())).findFirst();
    }

    /** Provider factories registered in the packaged bundle's {@code META-INF/services}. */
    private static List<String> bundledFactoryClasses() throws IOException {
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(System.getProperty("unify.bundle.jar"))) {
            var entries = jar.stream()
                    // Factories of Keycloak's SPIs and of the bundle's own (common's unify-* SPIs); the SPIs themselves
                    // (org.keycloak.provider.Spi) are no providers.
                    .filter(e -> e.getName().startsWith("META-INF/services/org.keycloak.")
                            || e.getName().startsWith("META-INF/services/eu.unify."))
                    .filter(e -> !e.getName().equals("META-INF/services/org.keycloak.provider.Spi"))
                    .toList();
            for (var entry : entries) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
                    reader.lines()
                            .map(line -> line.replaceFirst("#.*", "").trim())
                            .filter(line -> !line.isEmpty())
                            .forEach(classes::add);
                }
            }
        }
        return classes;
    }

    private static String providerId(String factoryClass) throws Exception {
        Object factory = Class.forName(factoryClass).getDeclaredConstructor().newInstance();
        Method getId = factory.getClass().getMethod("getId");
        return (String) getId.invoke(factory);
    }
}
