package eu.unify.keycloak.it;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Users created over the admin REST API as an admin would, removed again when the test class ends. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A user whose username is the email address; {@code password} may be null (admin-created, not yet active). */
    public static String create(ManagedRealm realm, String email, String password, String locale) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        if (locale != null) {
            user.setAttributes(Map.of("locale", List.of(locale)));
        }
        if (password != null) {
            SuiteSecrets.register(password);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
        }
        try (Response response = realm.admin().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            realm.cleanup().add(r -> r.users().delete(id).close());
            return id;
        }
    }
}
