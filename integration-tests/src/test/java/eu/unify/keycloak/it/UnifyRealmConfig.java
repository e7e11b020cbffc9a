package eu.unify.keycloak.it;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;

/** A realm as ops set it up for Unify: the unify login and email themes, in the four languages of its users. */
public class UnifyRealmConfig implements RealmConfig {

    public static final String USERNAME = "anna.virtanen";
    public static final String PASSWORD = "Kesä-salasana-2026";
    public static final String EMAIL = "anna.virtanen@example.com";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm
                .internationalizationEnabled(true)
                .supportedLocales(Languages.ALL.toArray(String[]::new))
                .defaultLocale("en")
                .users(UserBuilder.create(USERNAME)
                        .name("Anna", "Virtanen")
                        .email(EMAIL)
                        .emailVerified(true)
                        .password(SuiteSecrets.register(PASSWORD)))
                .update(rep -> {
                    rep.setLoginTheme("unify");
                    rep.setEmailTheme("unify");
                });
    }
}
