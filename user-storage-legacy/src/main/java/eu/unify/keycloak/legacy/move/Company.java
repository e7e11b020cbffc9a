package eu.unify.keycloak.legacy.move;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

import eu.unify.keycloak.legacy.storage.LegacyAccount;
import eu.unify.keycloak.legacy.storage.LegacyMoveSource;

/**
 * A main account and all its sub-accounts that are still to move: those in the legacy store (enabled ones) and those
 * already imported into Keycloak, each once. The main account comes first, then the sub-accounts by legacy username.
 */
record Company(List<CompanyAccount> accounts, String wave) {

    CompanyAccount main() {
        return accounts.get(0);
    }

    /**
     * Reads the company of {@code mainUser}, a user linked to {@code source}. Asks the legacy store (which may throw
     * {@link eu.unify.keycloak.legacy.storage.LegacyStoreUnavailableException}) and Keycloak's own storage.
     */
    static Company of(UserProvider local, RealmModel realm, UserModel mainUser, LegacyMoveSource source) {
        String componentId = source.component().getId();
        String mainName = legacyUsername(mainUser);
        Optional<LegacyAccount> mainRow = source.account(mainName);
        String wave = mainRow.map(LegacyAccount::wave).orElse(mainUser.getFirstAttribute(LegacyMoveSource.ATTR_WAVE));

        Map<String, CompanyAccount> subs = new LinkedHashMap<>();
        for (LegacyAccount row : source.subAccounts(mainRow.map(LegacyAccount::username).orElse(mainName))) {
            if (!row.enabled() || key(row.username()).equals(key(mainName))) {
                continue;
            }
            Optional<UserModel> user = localUser(local, realm, row.username());
            if (user.isPresent() && !componentId.equals(user.get().getFederationLink())) {
                continue; // moved already, or another store's account of the same name
            }
            subs.putIfAbsent(key(row.username()), new CompanyAccount(row.username(), false,
                    user.map(UserModel::getEmail).orElse(row.email()),
                    row.firstName(), row.lastName(), row, user.map(UserModel::getId).orElse(null)));
        }
        local.searchForUserByUserAttributeStream(realm, LegacyMoveSource.ATTR_MAIN_ACCOUNT, mainName)
                .filter(user -> componentId.equals(user.getFederationLink()) && user.isEnabled())
                .filter(user -> !user.getId().equals(mainUser.getId()))
                .forEach(user -> subs.putIfAbsent(key(legacyUsername(user)), new CompanyAccount(legacyUsername(user),
                        false, user.getEmail(), user.getFirstName(), user.getLastName(), null, user.getId())));

        List<CompanyAccount> accounts = new ArrayList<>();
        accounts.add(new CompanyAccount(mainName, true, mainUser.getEmail(),
                mainUser.getFirstName(), mainUser.getLastName(), mainRow.orElse(null), mainUser.getId()));
        subs.values().stream().sorted(Comparator.comparing(a -> key(a.legacyUsername()))).forEach(accounts::add);
        return new Company(List.copyOf(accounts), wave);
    }

    static String legacyUsername(UserModel user) {
        return Objects.requireNonNullElse(user.getFirstAttribute(LegacyMoveSource.ATTR_USERNAME), user.getUsername());
    }

    private static Optional<UserModel> localUser(UserProvider local, RealmModel realm, String legacyUsername) {
        UserModel byName = local.getUserByUsername(realm, legacyUsername.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return Optional.of(byName);
        }
        return local.searchForUserByUserAttributeStream(realm, LegacyMoveSource.ATTR_USERNAME, legacyUsername)
                .findFirst();
    }

    private static String key(String legacyUsername) {
        return legacyUsername.toLowerCase(Locale.ROOT);
    }
}
