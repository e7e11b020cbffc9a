package eu.unify.keycloak.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakServerTest {

    @TempDir
    Path dir;

    @Test
    void installingTheBundleReplacesOlderVersionsAndLeavesOtherProvidersAlone() throws Exception {
        Path keycloakHome = dir.resolve("keycloak");
        Path providers = Files.createDirectories(keycloakHome.resolve("providers"));
        Files.writeString(providers.resolve("unify-keycloak-0.0.9.jar"), "old");
        Files.writeString(providers.resolve("someone-elses-provider.jar"), "other");
        Path bundle = Files.writeString(dir.resolve("unify-keycloak-0.1.0.jar"), "new");

        boolean changed = server(keycloakHome).installProvider(bundle);

        assertThat(changed).isTrue();
        assertThat(providers.resolve("unify-keycloak-0.0.9.jar")).doesNotExist();
        assertThat(providers.resolve("someone-elses-provider.jar")).exists();
        assertThat(providers.resolve("unify-keycloak-0.1.0.jar")).hasContent("new");
    }

    @Test
    void anUnchangedBundleIsNotCopiedAgainSoKeycloakNeedNotRebuild() throws Exception {
        Path keycloakHome = dir.resolve("keycloak");
        Path bundle = Files.writeString(dir.resolve("unify-keycloak-0.1.0.jar"), "same");
        KeycloakServer server = server(keycloakHome);
        server.installProvider(bundle);
        Path installed = keycloakHome.resolve("providers/unify-keycloak-0.1.0.jar");
        FileTime installedAt = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(installed, installedAt);
        Files.setLastModifiedTime(bundle, FileTime.from(Instant.now()));

        assertThat(server.installProvider(bundle)).isFalse();
        assertThat(Files.getLastModifiedTime(installed)).isEqualTo(installedAt);

        Files.writeString(bundle, "rebuilt with changes");
        assertThat(server.installProvider(bundle)).isTrue();
        assertThat(installed).hasContent("rebuilt with changes");
    }

    @Test
    void aRepackedJarWithTheSameEntriesCountsAsUnchanged() throws Exception {
        Path packed = jar("first.jar", "2024-01-01T00:00:00Z", "provider code");
        Path repacked = jar("second.jar", "2025-06-01T12:00:00Z", "provider code");
        Path changed = jar("third.jar", "2024-01-01T00:00:00Z", "changed provider code");

        assertThat(Files.mismatch(packed, repacked)).isNotEqualTo(-1L);
        assertThat(KeycloakServer.sameContent(packed, repacked)).isTrue();
        assertThat(KeycloakServer.sameContent(packed, changed)).isFalse();
    }

    @Test
    void theDemoServerSendsMailThroughTheForwardingSenderAndHasTheConsoleTabs() {
        assertThat(KeycloakServer.demoArguments(18080, 19000)).containsExactly("start-dev", "--import-realm",
                "--http-port=18080", "--http-management-port=19000", "--spi-email-sender--provider-default=unify-forwarding",
                "--features=declarative-ui");
    }

    @Test
    void logTailShowsTheLastLines() throws Exception {
        Path log = dir.resolve("keycloak.log");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            lines.append("line ").append(i).append('\n');
        }
        Files.writeString(log, lines);

        assertThat(new KeycloakServer(dir, log).logTail(3)).containsExactly("line 98", "line 99", "line 100");
        assertThat(new KeycloakServer(dir, dir.resolve("missing.log")).logTail(3)).isEmpty();
    }

    private Path jar(String name, String entryTime, String content) throws Exception {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            JarEntry entry = new JarEntry("eu/unify/Provider.class");
            entry.setTime(Instant.parse(entryTime).toEpochMilli());
            out.putNextEntry(entry);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private KeycloakServer server(Path keycloakHome) {
        return new KeycloakServer(keycloakHome, dir.resolve("keycloak.log"));
    }
}
