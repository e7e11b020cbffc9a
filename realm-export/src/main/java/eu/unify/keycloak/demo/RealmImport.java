package eu.unify.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Puts the demo realm where {@code kc.sh start-dev --import-realm} finds it ({@code data/import/}), with the
 * ports of this run. Keycloak imports it only into a database that does not have the realm yet, so the ports of
 * the first start stick: {@link #portsChangedSinceImport} tells when a later start uses other ones.
 */
final class RealmImport {

    static final String RESOURCE = "/realms/unify-demo-realm.json";
    /**
     * The SMTP port and demo app origin as written in the realm file. Every URL under that origin is rewritten,
     * wherever it is: the demo client's and those of the demo services (entitlements), which point at the demo app too.
     */
    static final String WRITTEN_SMTP_PORT = "3025";
    static final String WRITTEN_APP_ORIGIN = "http://localhost:8025/";

    private final Path keycloakHome;
    private final ObjectMapper json = new ObjectMapper();

    RealmImport(Path keycloakHome) {
        this.keycloakHome = keycloakHome;
    }

    /** The realm file as shipped in this module. */
    static String shippedRealm() {
        try (InputStream in = RealmImport.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm with the mail catcher's SMTP port and the demo app's origin for this run. */
    JsonNode adapt(String realmJson, int smtpPort, int mailPort) throws IOException {
        JsonNode realm = json.readTree(realmJson);
        JsonNode smtpServer = realm.path("smtpServer");
        if (!(smtpServer instanceof ObjectNode smtp) || !WRITTEN_SMTP_PORT.equals(smtpServer.path("port").asText())) {
            throw new IllegalStateException(RESOURCE + " no longer has smtpServer.port " + WRITTEN_SMTP_PORT
                    + "; update " + RealmImport.class.getSimpleName());
        }
        smtp.put("port", Integer.toString(smtpPort));
        replaceTextPrefix(realm, WRITTEN_APP_ORIGIN, "http://localhost:" + mailPort + "/");
        return realm;
    }

    /** Writes the adapted realm to {@code data/import/}, replacing the copy of an earlier start. */
    Path writeImportFile(int smtpPort, int mailPort) throws IOException {
        Path importDir = Files.createDirectories(keycloakHome.resolve("data").resolve("import"));
        Path file = importDir.resolve("unify-demo-realm.json");
        JsonNode realm = adapt(shippedRealm(), smtpPort, mailPort);
        try (Writer out = Files.newBufferedWriter(file)) {
            json.writerWithDefaultPrettyPrinter().writeValue(out, realm);
        }
        return file;
    }

    /** True until start-dev has created its H2 database, i.e. when this start will import the realm. */
    boolean willImport() {
        return !Files.isDirectory(keycloakHome.resolve("data").resolve("h2"));
    }

    void rememberImportedPorts(int smtpPort, int mailPort) throws IOException {
        Properties ports = new Properties();
        ports.setProperty("smtpPort", Integer.toString(smtpPort));
        ports.setProperty("mailPort", Integer.toString(mailPort));
        try (Writer out = Files.newBufferedWriter(importedPortsFile())) {
            ports.store(out, "Ports the unify-demo realm was imported with (written by the demo launcher)");
        }
    }

    /** A description of the difference, if the realm was imported with other ports than these. */
    Optional<String> portsChangedSinceImport(int smtpPort, int mailPort) throws IOException {
        Path file = importedPortsFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties ports = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            ports.load(in);
        }
        String importedSmtp = ports.getProperty("smtpPort");
        String importedMail = ports.getProperty("mailPort");
        if (Integer.toString(smtpPort).equals(importedSmtp) && Integer.toString(mailPort).equals(importedMail)) {
            return Optional.empty();
        }
        return Optional.of("The realm was imported with SMTP port " + importedSmtp + " and mail port "
                + importedMail + ", this run uses " + smtpPort + " and " + mailPort
                + ": mail and the demo app will not work until you use the old ports or reset the demo.");
    }

    private Path importedPortsFile() {
        return keycloakHome.resolve("data").resolve("unify-demo-import-ports.properties");
    }

    /** Rewrites every string value in the tree that starts with {@code from}, wherever it is. */
    private static void replaceTextPrefix(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isTextual() && field.getValue().asText().startsWith(from)) {
                    field.setValue(TextNode.valueOf(to + field.getValue().asText().substring(from.length())));
                } else {
                    replaceTextPrefix(field.getValue(), from, to);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual() && element.asText().startsWith(from)) {
                    array.set(i, TextNode.valueOf(to + element.asText().substring(from.length())));
                } else {
                    replaceTextPrefix(element, from, to);
                }
            }
        }
    }
}
