package eu.unify.keycloak.activation.service;

import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;

import eu.unify.keycloak.activation.code.CodeCheck;

/** How code steps report to Keycloak's events: one vocabulary for every provider, never the code itself. */
public final class CodeEvents {

    /** Event detail naming the code's purpose (e.g. {@code reset-credentials}). */
    public static final String DETAIL_PURPOSE = "unify_code_purpose";

    private CodeEvents() {
    }

    /** Sends {@code event} as the error for a typed code that did not work. */
    public static void failed(EventBuilder event, CodeCheck.Result result) {
        switch (result.outcome()) {
            case WRONG -> event.detail("attempts_left", Integer.toString(result.attemptsLeft())).error(Errors.INVALID_CODE);
            case EXHAUSTED -> event.detail("reason", "attempts_exhausted").error(Errors.INVALID_CODE);
            case EXPIRED, NO_CODE -> event.error(Errors.EXPIRED_CODE);
            case CONSUMED -> event.detail("reason", "already_used").error(Errors.INVALID_CODE);
            case VALID -> throw new IllegalArgumentException("a valid code is not a failure");
        }
    }
}
