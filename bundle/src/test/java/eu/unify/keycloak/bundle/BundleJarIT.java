package eu.unify.keycloak.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged provider jar that ops copy into Keycloak's {@code providers/}: it holds our providers and
 * themes, every service registration points at a class inside it, and nothing of Keycloak or its libraries is in it
 * (shading those in breaks Keycloak's class loading).
 */
class BundleJarIT {

    private static JarFile jar;

    @BeforeAll
    static void openJar() throws IOException {
        Path path = Path.of(System.getProperty("unify.bundle.jar"));
        assertThat(path).as("packaged bundle jar").isRegularFile();
        jar = new JarFile(path.toFile());
    }

    @AfterAll
    static void closeJar() throws IOException {
        jar.close();
    }

    @Test
    void containsOnlyUnifyClasses() {
        List<String> foreign = entryNames().stream()
                .filter(name -> name.endsWith(".class"))
                .filter(name -> !name.startsWith("eu/unify/"))
                .toList();
        assertThat(foreign).as("classes outside eu.unify (Keycloak or third-party libraries shaded in)").isEmpty();
    }

    @Test
    void containsTheUnifyThemes() throws IOException {
        assertThat(read("META-INF/keycloak-themes.json")).contains("\"unify\"").contains("login").contains("email");
        assertThat(jar.getEntry("theme/unify/login/theme.properties")).isNotNull();
        assertThat(jar.getEntry("theme/unify/email/theme.properties")).isNotNull();
    }

    @Test
    void everyServiceRegistrationNamesAClassInTheJar() throws IOException {
        Set<String> classes = entryNames().stream()
                .filter(name -> name.endsWith(".class"))
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String service : entryNames()) {
            if (!service.startsWith("META-INF/services/") || service.endsWith("/")) {
                continue;
            }
            for (String implementation : serviceImplementations(service)) {
                if (!classes.contains(implementation)) {
                    missing.add(service + " -> " + implementation);
                }
            }
        }
        assertThat(missing).as("service registrations without their class").isEmpty();
    }

    /**
     * The bundle's classes are the ones just built, not leftovers of an earlier build (the module jars are on this
     * test's classpath as the bundle's dependencies).
     */
    @Test
    void classesAreTheOnesJustBuilt() throws IOException {
        String bundle = Path.of(System.getProperty("unify.bundle.jar")).toAbsolutePath().toString();
        List<String> stale = new ArrayList<>();
        for (String name : entryNames()) {
            if (name.endsWith(".class") && !Arrays.equals(moduleCopy(name, bundle), read(jar, name))) {
                stale.add(name);
            }
        }
        assertThat(stale).as("classes that differ from the freshly built modules").isEmpty();
    }

    /** The class as built in its module jar; Failsafe also puts the bundle itself on the classpath, so skip that. */
    private static byte[] moduleCopy(String name, String bundlePath) throws IOException {
        var urls = BundleJarIT.class.getClassLoader().getResources(name);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (!url.getPath().contains(bundlePath)) {
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                }
            }
        }
        return new byte[0];
    }

    private static byte[] read(JarFile jarFile, String name) throws IOException {
        try (InputStream in = jarFile.getInputStream(jarFile.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    @Test
    void manifestCarriesTheBundleVersion() throws IOException {
        assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
                .isEqualTo(System.getProperty("unify.version"));
    }

    private static List<String> entryNames() {
        return jar.stream().map(ZipEntry::getName).toList();
    }

    private static String read(String entry) throws IOException {
        ZipEntry zipEntry = jar.getEntry(entry);
        assertThat(zipEntry).as(entry).isNotNull();
        return new String(jar.getInputStream(zipEntry).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static List<String> serviceImplementations(String service) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(jar.getInputStream(jar.getEntry(service)), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }

}
