package eu.unify.keycloak.audit.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.keycloak.common.util.HtmlUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.util.JsonSerialization;

/**
 * Serves the page (HTML with its texts in the user's language) and its script and style. Everything the page shows
 * comes from the admin REST API under the signed-in user's token; this resource itself reads nothing of the trail.
 */
public final class AuditPageResource {

    /** The realm's public client the page signs in with (PKCE, redirect URI this page); shipped in the realm export. */
    public static final String CLIENT_ID = "unify-audit-ui";

    static final List<String> TEXT_KEYS = List.of("title", "intro", "filters", "from", "to", "type", "type-hint",
            "user", "client", "apply", "clear", "results", "col-time", "col-type", "col-outcome", "col-user",
            "col-client", "col-ip", "col-seq", "waiting", "none", "newer", "older", "range", "verify", "verify-ok",
            "verify-broken", "verify-waiting", "export-csv", "export-jsonl", "export-note", "loading", "signing-in",
            "forbidden", "invalid", "failed", "sign-out", "outcome-SUCCESS", "outcome-FAILURE", "language",
            "no-client");
    static final String PREFIX = "unify-audit-page-";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final KeycloakSession session;

    AuditPageResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response page(@QueryParam("lang") String lang) {
        RealmModel realm = session.getContext().getRealm();
        Locale locale = locale(realm, lang);
        Properties messages = messages(locale);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : TEXT_KEYS) {
            texts.put(key, messages.getProperty(PREFIX + key, PREFIX + key));
        }
        String realmName = realm.getDisplayName() == null || realm.getDisplayName().isBlank() ? realm.getName()
                : realm.getDisplayName();
        String title = MessageFormat.format(texts.get("title"), realmName);
        String base = session.getContext().getUri().getBaseUri().toString().replaceAll("/$", "");
        String realmPath = base + "/realms/" + realm.getName();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("clientId", CLIENT_ID);
        config.put("clientExists", realm.getClientByClientId(CLIENT_ID) != null);
        config.put("locale", locale.toLanguageTag());
        config.put("page", realmPath + "/unify-audit/" + (lang == null ? "" : "?lang=" + locale.toLanguageTag()));
        config.put("auth", realmPath + "/protocol/openid-connect/auth");
        config.put("token", realmPath + "/protocol/openid-connect/token");
        config.put("logout", realmPath + "/protocol/openid-connect/logout");
        config.put("api", base + "/admin/realms/" + realm.getName() + "/unify-audit/");
        config.put("texts", texts);
        String json;
        try {
            // Inside a script element: "<" escaped so that no text can close it.
            json = JsonSerialization.writeValueAsString(config).replace("<", "\\u003c");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder languages = new StringBuilder();
        if (realm.isInternationalizationEnabled()) {
            languages.append("<nav class=\"langs\" aria-label=\"").append(escape(texts.get("language")))
                    .append("\"><ul>");
            realm.getSupportedLocalesStream().sorted().forEach(tag -> {
                Locale option = Locale.forLanguageTag(tag);
                boolean current = option.toLanguageTag().equals(locale.toLanguageTag());
                languages.append("<li><a href=\"?lang=").append(escape(tag)).append("\" lang=\"").append(escape(tag))
                        .append("\"").append(current ? " aria-current=\"true\"" : "").append(">")
                        .append(escape(capitalised(option.getDisplayLanguage(option), option))).append("</a></li>");
            });
            languages.append("</ul></nav>");
        }
        String html = "<!doctype html>\n<html lang=\"" + escape(locale.toLanguageTag()) + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"" + realmPath
                + "/unify-audit/app.css\"></head><body>"
                + "<header><div class=\"bar\">" + languages + "<a id=\"sign-out\" class=\"signout\" hidden href=\"#\">"
                + escape(texts.get("sign-out")) + "</a></div><h1>" + escape(title) + "</h1><p>"
                + escape(texts.get("intro")) + "</p></header><main>"
                + "<p id=\"status\" role=\"status\" aria-live=\"polite\">" + escape(texts.get("signing-in")) + "</p>"
                + "<div id=\"app\" hidden>"
                + "<form id=\"filters\" novalidate><fieldset><legend>" + escape(texts.get("filters")) + "</legend>"
                + field("from", "date", texts.get("from"), null)
                + field("to", "date", texts.get("to"), null)
                + field("type", "text", texts.get("type"), texts.get("type-hint"))
                + field("user", "text", texts.get("user"), null)
                + field("client", "text", texts.get("client"), null)
                + "<div class=\"actions\"><button type=\"submit\">" + escape(texts.get("apply")) + "</button>"
                + "<button type=\"reset\" class=\"secondary\">" + escape(texts.get("clear")) + "</button></div>"
                + "</fieldset></form>"
                + "<div class=\"tools\"><button type=\"button\" id=\"verify\" class=\"secondary\">"
                + escape(texts.get("verify")) + "</button>"
                + "<button type=\"button\" id=\"export-csv\" class=\"secondary\">" + escape(texts.get("export-csv"))
                + "</button><button type=\"button\" id=\"export-jsonl\" class=\"secondary\">"
                + escape(texts.get("export-jsonl")) + "</button></div>"
                + "<p class=\"note\">" + escape(texts.get("export-note")) + "</p>"
                + "<div id=\"verdict\" role=\"status\" aria-live=\"polite\"></div>"
                + "<h2 id=\"results-heading\">" + escape(texts.get("results")) + "</h2>"
                + "<p id=\"range\"></p>"
                + "<div class=\"scroll\" role=\"region\" aria-labelledby=\"results-heading\" tabindex=\"0\">"
                + "<table id=\"records\"><thead><tr>"
                + th(texts.get("col-time")) + th(texts.get("col-type")) + th(texts.get("col-outcome"))
                + th(texts.get("col-user")) + th(texts.get("col-client")) + th(texts.get("col-ip"))
                + th(texts.get("col-seq")) + "</tr></thead><tbody></tbody></table></div>"
                + "<nav class=\"paging\" aria-label=\"" + escape(texts.get("results")) + "\">"
                + "<button type=\"button\" id=\"newer\" class=\"secondary\" disabled>" + escape(texts.get("newer"))
                + "</button><button type=\"button\" id=\"older\" class=\"secondary\" disabled>"
                + escape(texts.get("older")) + "</button></nav>"
                + "</div></main>"
                + "<script type=\"application/json\" id=\"unify-audit-config\">" + json + "</script>"
                + "<script src=\"" + realmPath + "/unify-audit/app.js\"></script>"
                + "</body></html>\n";
        return Response.ok(html, "text/html; charset=utf-8").header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .cacheControl(noStore()).build();
    }

    @GET
    @Path("{file:app\\.(js|css)}")
    public Response asset(@PathParam("file") String file) {
        try (InputStream in = AuditPageResource.class.getResourceAsStream("/unify-audit-page/" + file)) {
            if (in == null) {
                throw new NotFoundException();
            }
            String type = file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8), type)
                    .header("X-Content-Type-Options", "nosniff").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code lang} if the realm offers it, else Keycloak's choice for this request (user, cookie, browser). */
    private Locale locale(RealmModel realm, String lang) {
        if (lang != null && realm.isInternationalizationEnabled()
                && realm.getSupportedLocalesStream().anyMatch(lang::equals)) {
            return Locale.forLanguageTag(lang);
        }
        return session.getContext().resolveLocale(null);
    }

    /** The texts of the realm's login theme in {@code locale}: this module's theme-resources are part of every theme. */
    private Properties messages(Locale locale) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            return theme.getEnhancedMessages(session.getContext().getRealm(), locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String name, String type, String label, String hint) {
        String hintId = hint == null ? null : name + "-hint";
        return "<div class=\"field\"><label for=\"" + name + "\">" + escape(label) + "</label><input id=\"" + name
                + "\" name=\"" + name + "\" type=\"" + type + "\"" + (hintId == null ? ""
                : " aria-describedby=\"" + hintId + "\"") + " autocomplete=\"off\">"
                + (hint == null ? "" : "<span class=\"hint\" id=\"" + hintId + "\">" + escape(hint) + "</span>")
                + "</div>";
    }

    private static String th(String text) {
        return "<th scope=\"col\">" + escape(text) + "</th>";
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }

    /** Keycloak's own escaping of text for HTML (elements and attributes alike). */
    static String escape(String text) {
        return text == null ? "" : HtmlUtils.escapeAttribute(text);
    }
}
