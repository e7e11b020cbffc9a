package eu.unify.keycloak.common.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of the FreeMarker model that Keycloak's login pages share ({@code url}, {@code realm}, {@code locale}),
 * as Keycloak fills them for a realm "acme" with internationalisation on. Page-rendering tests add their page's own
 * parts.
 */
public final class LoginPageModel {

    private LoginPageModel() {
    }

    /** {@code url}: the theme's resources and the flow's addresses, with the given form action and login URL. */
    public static Map<String, Object> url(String themeName, String loginAction, String loginUrl) {
        Map<String, Object> url = new HashMap<>();
        url.put("resourcesPath", "/resources/abc12/login/" + themeName);
        url.put("resourcesCommonPath", "/resources/abc12/common/keycloak");
        url.put("loginAction", loginAction);
        url.put("loginUrl", loginUrl);
        url.put("loginRestartFlowUrl", "/realms/acme/login-actions/restart");
        url.put("loginResetCredentialsUrl", "/realms/acme/login-actions/reset-credentials");
        url.put("ssoLoginInOtherTabsUrl", "/realms/acme/login-actions/switch");
        return url;
    }

    /** {@code realm}: "acme" (display name "Acme"), password login, login with email, no registration. */
    public static Map<String, Object> realm() {
        Map<String, Object> realm = new HashMap<>();
        realm.put("name", "acme");
        realm.put("displayName", "Acme");
        realm.put("displayNameHtml", "Acme");
        realm.put("internationalizationEnabled", true);
        realm.put("password", true);
        realm.put("registrationAllowed", false);
        realm.put("loginWithEmailAllowed", true);
        realm.put("registrationEmailAsUsername", false);
        realm.put("resetPasswordAllowed", true);
        realm.put("rememberMe", false);
        realm.put("duplicateEmailsAllowed", false);
        return realm;
    }

    /**
     * {@code locale}: the current language {@code tag} and the language menu of every Unify language, each linking
     * to {@code switchUrl} plus {@code ?kc_locale=<tag>}.
     */
    public static Map<String, Object> locale(String tag, String switchUrl) {
        Locale current = Locale.forLanguageTag(tag);
        Map<String, Object> locale = new HashMap<>();
        locale.put("currentLanguageTag", tag);
        locale.put("current", current.getDisplayLanguage(current));
        locale.put("rtl", false);
        List<Map<String, Object>> supported = new ArrayList<>();
        for (String language : ThemeResourceFiles.LOCALES) {
            Locale entryLocale = Locale.forLanguageTag(language);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("languageTag", language);
            entry.put("label", entryLocale.getDisplayLanguage(entryLocale));
            entry.put("url", switchUrl + "?kc_locale=" + language);
            supported.add(entry);
        }
        locale.put("supported", supported);
        return locale;
    }
}
