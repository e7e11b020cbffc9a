package eu.unify.keycloak.demo;

/**
 * The few HTML pieces the mail catcher and the demo app share. Every value that did not come from this code (mail
 * subjects and bodies, token claims, error texts) goes through {@link #escape} before it reaches a page.
 */
final class Html {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
                   color: #1d2433; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde1ea; vertical-align: top; }
            pre { background: #f4f6fa; padding: 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
            iframe { width: 100%; height: 32rem; border: 1px solid #dde1ea; }
            .muted { color: #5b6477; } .error { color: #a4161a; }
            .button { display: inline-block; padding: .5rem 1rem; background: #1f4fd1; color: #fff;
                      border: 0; border-radius: .3rem; text-decoration: none; font: inherit; cursor: pointer; }
            nav a { margin-right: 1rem; }
            """;

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A whole page; {@code title} is escaped here, {@code body} must already be safe HTML. */
    static String page(String title, String body) {
        return page(title, body, 0);
    }

    /** A page the browser reloads every {@code refreshSeconds} (none for 0). */
    static String page(String title, String body, int refreshSeconds) {
        String refresh = refreshSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">" : "";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + refresh
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>\n"
                + body + "\n</body></html>\n";
    }
}
