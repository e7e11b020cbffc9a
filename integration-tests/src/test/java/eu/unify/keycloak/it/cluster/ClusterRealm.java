package eu.unify.keycloak.it.cluster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import eu.unify.keycloak.it.Languages;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * A realm on the cluster as ops set it up for Unify (unify themes, four languages, mail through the cluster's SMTP
 * catcher, events on), with one public app whose redirect URI is never served: a flow ends when it is sent there.
 * Created through node 1's admin REST API; {@link #close()} deletes it.
 */
public final class ClusterRealm implements AutoCloseable {

    public static final String CLIENT = "cluster-app";
    public static final String REDIRECT_URI = "http://127.0.0.1:1/cluster-app/callback";

    private final KeycloakCluster cluster;
    private final String name;
    private final Keycloak admin;

    private ClusterRealm(KeycloakCluster cluster, String name, Keycloak admin) {
        this.cluster = cluster;
        this.name = name;
        this.admin = admin;
    }

    /** Creates realm {@code name} (deleting a leftover of an earlier run) through node 1. */
    public static ClusterRealm create(KeycloakCluster cluster, ClusterMail mail, String name) {
        Keycloak admin = adminClient(cluster.node(1));
        admin.realms().findAll().stream().filter(r -> r.getRealm().equals(name))
                .forEach(r -> admin.realm(name).remove());
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setInternationalizationEnabled(true);
        realm.setSupportedLocales(new java.util.HashSet<>(Languages.ALL));
        realm.setDefaultLocale("en");
        realm.setLoginTheme("unify");
        realm.setEmailTheme("unify");
        realm.setEventsEnabled(true);
        realm.setSmtpServer(Map.of("host", "127.0.0.1", "port", Integer.toString(mail.port()),
                "from", "noreply@unify.example"));
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(REDIRECT_URI));
        realm.setClients(List.of(client));
        admin.realms().create(realm);
        return new ClusterRealm(cluster, name, admin);
    }

    /** An admin client on one node (its own address; tokens name the front, so they are valid on every node). */
    public static Keycloak adminClient(KeycloakCluster.Node node) {
        return KeycloakBuilder.builder().serverUrl(node.url()).realm("master").clientId("admin-cli")
                .username(KeycloakCluster.ADMIN).password(KeycloakCluster.ADMIN_PASSWORD).build();
    }

    public String name() {
        return name;
    }

    /** The realm's admin REST API through node 1. */
    public RealmResource admin() {
        return admin.realm(name);
    }

    /** The realm's admin REST API through node {@code number}. */
    public RealmResource admin(int number) {
        return adminClient(cluster.node(number)).realm(name);
    }

    /** The app's sign-in URL at the front. */
    public String authUrl() {
        return cluster.frontUrl() + "/realms/" + name + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8);
    }

    /** A user whose username is the email address, with this password (null: none yet). Returns the user's id. */
    public String createUser(String email, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        user.setEmailVerified(true);
        if (password != null) {
            SuiteSecrets.register(password);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
        }
        try (Response response = admin().users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    public ClusterBrowser newBrowser() {
        return new ClusterBrowser(REDIRECT_URI);
    }

    @Override
    public void close() {
        try {
            admin().remove();
        } finally {
            admin.close();
        }
    }
}
