package eu.unify.keycloak.legacy.move;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.legacy.LegacyAttributes;

/**
 * The mails a move could not send, recorded on each moved account as the user attribute
 * {@value LegacyAttributes#MAIL_FAILED} (which mail), until a resend gets it out. For the admin REST API and the
 * progress report.
 */
public final class FailedMails {

    /** Which mail failed; the id is the attribute's value. */
    public enum Kind {
        ACTIVATION_MESSAGE("activation-message"),
        GENERATED_PASSWORD("generated-password"),
        SIGN_IN_NAME("sign-in-name");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Optional<Kind> of(String id) {
            return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
        }
    }

    /** One account with a failed mail. */
    public record Entry(UserModel user, Kind kind) {
    }

    private FailedMails() {
    }

    static void record(UserModel user, Kind kind) {
        user.setSingleAttribute(LegacyAttributes.MAIL_FAILED, kind.id());
    }

    static void clear(UserModel user) {
        user.removeAttribute(LegacyAttributes.MAIL_FAILED);
    }

    /** The accounts of {@code realm} whose move mail failed, oldest record first within each kind. */
    public static List<Entry> list(KeycloakSession session, RealmModel realm) {
        return Arrays.stream(Kind.values())
                .flatMap(kind -> session.users()
                        .searchForUserByUserAttributeStream(realm, LegacyAttributes.MAIL_FAILED, kind.id())
                        .map(user -> new Entry(user, kind)))
                .toList();
    }

    /** How many accounts of {@code realm} have a failed move mail. */
    public static long count(KeycloakSession session, RealmModel realm) {
        return Arrays.stream(Kind.values())
                .mapToLong(kind -> session.users()
                        .searchForUserByUserAttributeStream(realm, LegacyAttributes.MAIL_FAILED, kind.id()).count())
                .sum();
    }

    /** The failed mail of {@code user}, if any. */
    public static Optional<Kind> of(UserModel user) {
        return Stream.ofNullable(user.getFirstAttribute(LegacyAttributes.MAIL_FAILED)).map(Kind::of)
                .flatMap(Optional::stream).findFirst();
    }

    /**
     * Sends the failed mail of {@code entry} again in {@code session}'s transaction and clears its record.
     *
     * @throws EmailException when the mail server did not take it; the record stays
     */
    public static void resend(KeycloakSession session, RealmModel realm, Entry entry) throws EmailException {
        MoveMails.resend(session, realm, entry.user(), entry.kind());
    }
}
