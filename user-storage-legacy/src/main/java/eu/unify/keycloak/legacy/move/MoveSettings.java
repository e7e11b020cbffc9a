package eu.unify.keycloak.legacy.move;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The move's options in the {@code unify-legacy} user federation (admin console, User federation). Null-safe: an
 * empty or unreadable field gives the safe default (no wave enabled; sub-accounts get the activation message).
 */
public final class MoveSettings {

    public static final String WAVES = "moveWaves";
    public static final String CREDENTIALS = "moveCredentials";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(WAVES).label("Move: enabled waves")
            .helpText("Legacy waves (the 'wave' column) whose accounts are asked to move to sign-in by email, one "
                    + "entry each: '<wave>' or '<wave>=<deadline>'. The deadline is an ISO date (2026-03-31: 'later' "
                    + "is possible until the end of that day, UTC) or an ISO instant (2026-03-31T16:00:00Z); after it "
                    + "the move is mandatory. Empty: no wave is enabled and nobody sees the move.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(CREDENTIALS).label("Move: sub-account credentials")
            .helpText("How the moved sub-accounts get a password (the main account always keeps its own). "
                    + "activation-message: the activation message of 'Activate account with an emailed code' "
                    + "(unify-account-activation, which must be enabled); legacy-password: the legacy password keeps "
                    + "working, is re-hashed at the first sign-in, and a mail tells the new sign-in name; generated-password: a generated password is "
                    + "emailed and must be changed at the first sign-in. Default activation-message.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(CredentialMode.ACTIVATION_MESSAGE.id(), CredentialMode.LEGACY_PASSWORD.id(),
                    CredentialMode.GENERATED_PASSWORD.id())
            .defaultValue(CredentialMode.ACTIVATION_MESSAGE.id()).add()
            .build();

    private final MultivaluedHashMap<String, String> config;

    private MoveSettings(MultivaluedHashMap<String, String> config) {
        this.config = config == null ? new MultivaluedHashMap<>() : config;
    }

    public static MoveSettings of(ComponentModel model) {
        return new MoveSettings(model == null ? null : model.getConfig());
    }

    public static MoveSettings of(MultivaluedHashMap<String, String> config) {
        return new MoveSettings(config);
    }

    public WaveSchedule waves() {
        List<String> values = config.get(WAVES);
        return WaveSchedule.parse(values == null ? List.of() : values);
    }

    public CredentialMode credentials() {
        return CredentialMode.fromId(config.getFirst(CREDENTIALS));
    }

    /** What the console's connection test reports about these options; empty when they are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        waves().problems().forEach(p -> problems.add("Move: enabled waves: " + p));
        String credentials = config.getFirst(CREDENTIALS);
        if (credentials != null && !credentials.isBlank()
                && !CredentialMode.fromId(credentials).id().equals(credentials.trim())) {
            problems.add("Move: sub-account credentials: '" + credentials.trim() + "' is not one of "
                    + "activation-message, legacy-password, generated-password");
        }
        return problems;
    }
}
