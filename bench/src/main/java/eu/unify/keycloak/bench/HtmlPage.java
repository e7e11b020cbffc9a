package eu.unify.keycloak.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of Keycloak's login pages for a load driver: a form's action, a link, whether an element is
 * there. Regular expressions over the page are fine here: the pages are Keycloak's own, not arbitrary HTML.
 */
public final class HtmlPage {

    private static final Pattern FORM_TAG = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    /** Keycloak's alert text and field errors (keycloak.v2 and the older theme). */
    private static final Pattern MESSAGE = Pattern.compile(
            "(?is)<(?:span|div)[^>]*"
                    + "(?:class=\"[^\"]*(?:kc-feedback-text|pf-v5-c-alert__title)[^\"]*\"|id=\"input-error[^\"]*\")"
                    + "[^>]*>(.*?)</(?:span|div)>");

    private final String html;

    public HtmlPage(String html) {
        this.html = html;
    }

    /** The action URL of the form with this id, unescaped. */
    public Optional<String> formAction(String formId) {
        Matcher forms = FORM_TAG.matcher(html);
        while (forms.find()) {
            String tag = forms.group();
            if (attribute(tag, "id").filter(formId::equals).isPresent()) {
                return attribute(tag, "action").map(HtmlPage::unescape);
            }
        }
        return Optional.empty();
    }

    /** The first link whose (unescaped) target contains {@code part}. */
    public Optional<String> link(String part) {
        Matcher links = HREF.matcher(html);
        while (links.find()) {
            String target = unescape(links.group(1));
            if (target.contains(part)) {
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }

    public boolean hasElement(String id) {
        return html.contains("id=\"" + id + "\"");
    }

    /**
     * What a person would see first: the title, Keycloak's messages (alerts, field errors), the start of the text.
     * For an error message that explains what came back instead of the expected page.
     */
    public String excerpt() {
        String title = Pattern.compile("<title>([^<]*)</title>").matcher(html).results()
                .map(m -> m.group(1).trim()).findFirst().orElse("");
        String messages = MESSAGE.matcher(html).results().map(m -> text(m.group(1))).filter(t -> !t.isEmpty())
                .distinct().reduce((a, b) -> a + " / " + b).orElse("none");
        String text = text(html.replaceAll("(?is)<head\\b.*?</head>", " "));
        return "title \"" + title + "\", messages: " + messages + "; text: "
                + (text.length() > 300 ? text.substring(0, 300) + " ..." : text);
    }

    private static String text(String markup) {
        return markup.replaceAll("(?is)<script\\b.*?</script>|<style\\b.*?</style>|<[^>]+>", " ")
                .replaceAll("\\s+", " ").trim();
    }

    static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x3D;", "=").replace("&#61;", "=").replace("&amp;", "&");
    }

    private static Optional<String> attribute(String tag, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
