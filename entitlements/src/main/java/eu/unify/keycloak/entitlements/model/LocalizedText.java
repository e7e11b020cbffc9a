package eu.unify.keycloak.entitlements.model;

import java.util.Locale;
import java.util.Map;

/**
 * Picks the text of a language from attributes named {@code base.<language>}: the exact tag ({@code fi}, {@code
 * pt-BR}), then its language ({@code pt}), then {@code base} itself, then English, then the fallback.
 */
public final class LocalizedText {

    private LocalizedText() {
    }

    public static String pick(Map<String, String> attributes, String base, Locale locale, String fallback) {
        if (locale != null) {
            String tag = locale.toLanguageTag();
            String text = nonBlank(attributes.get(base + "." + tag));
            if (text == null && !locale.getLanguage().isEmpty()) {
                text = nonBlank(attributes.get(base + "." + locale.getLanguage()));
            }
            if (text != null) {
                return text;
            }
        }
        String text = nonBlank(attributes.get(base));
        if (text == null) {
            text = nonBlank(attributes.get(base + ".en"));
        }
        return text == null ? fallback : text;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
