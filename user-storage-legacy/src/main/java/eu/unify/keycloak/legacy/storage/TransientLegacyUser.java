package eu.unify.keycloak.legacy.storage;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.UserCredentialManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.adapter.AbstractUserAdapter;

/** Read-only view of a legacy account that is not imported (yet). */
final class TransientLegacyUser extends AbstractUserAdapter {

    private final LegacyAccount account;

    TransientLegacyUser(KeycloakSession session, RealmModel realm, ComponentModel model, LegacyAccount account) {
        super(session, realm, model);
        this.account = account;
        this.storageId = new StorageId(model.getId(), account.username());
    }

    LegacyAccount account() {
        return account;
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        return new UserCredentialManager(session, realm, this);
    }

    @Override
    public String getUsername() {
        return LegacyImport.localUsername(account);
    }

    @Override
    public String getEmail() {
        return account.email();
    }

    @Override
    public String getFirstName() {
        return account.firstName();
    }

    @Override
    public String getLastName() {
        return account.lastName();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public Map<String, List<String>> getAttributes() {
        MultivaluedHashMap<String, String> attributes = new MultivaluedHashMap<>();
        attributes.putAll(LegacyImport.attributes(account));
        attributes.add(USERNAME, getUsername());
        if (account.email() != null) {
            attributes.add(EMAIL, account.email());
        }
        if (account.firstName() != null) {
            attributes.add(FIRST_NAME, account.firstName());
        }
        if (account.lastName() != null) {
            attributes.add(LAST_NAME, account.lastName());
        }
        return attributes;
    }

    @Override
    public Stream<String> getAttributeStream(String name) {
        List<String> values = getAttributes().get(name);
        return values == null ? Stream.empty() : values.stream();
    }

    @Override
    public String getFirstAttribute(String name) {
        List<String> values = getAttributes().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
