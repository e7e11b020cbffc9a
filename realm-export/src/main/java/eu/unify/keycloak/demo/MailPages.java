package eu.unify.keycloak.demo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The mail catcher's two HTML pages. Mail content is untrusted: all of it is escaped. */
final class MailPages {

    private static final String NAV = "<nav><a href=\"/\">All mail</a><a href=\"/api/messages\">JSON</a>"
            + "<a href=\"/app/\">Demo app</a></nav>\n";

    private final DateTimeFormatter timeFormat;

    MailPages(ZoneId zone) {
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /**
     * @param newestFirst the mails to list
     * @param smtpPort    shown so a reader knows where to point a sender
     */
    String list(List<CaughtMail> newestFirst, int smtpPort) {
        StringBuilder body = new StringBuilder()
                .append(NAV)
                .append("<h1>Mail catcher</h1>\n<p class=\"muted\">Every mail sent to SMTP localhost:").append(smtpPort)
                .append(" lands here, whatever its recipient. This page refreshes every 5 seconds.</p>\n");
        if (newestFirst.isEmpty()) {
            body.append("<p>No mail yet.</p>\n");
        } else {
            body.append("<form method=\"post\" action=\"/purge\"><button class=\"button\" type=\"submit\">")
                    .append("Delete all mail</button></form>\n")
                    .append("<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>\n");
            for (CaughtMail mail : newestFirst) {
                body.append("<tr><td>").append(timeFormat.format(mail.receivedAt()))
                        .append("</td><td>").append(Html.escape(String.join(", ", mail.to())))
                        .append("</td><td><a href=\"/mail/").append(mail.id()).append("\">")
                        .append(mail.subject() == null || mail.subject().isBlank()
                                ? "(no subject)" : Html.escape(mail.subject()))
                        .append("</a></td></tr>\n");
            }
            body.append("</tbody></table>\n");
        }
        // A refresh is enough to watch for new mail, and needs no script.
        return Html.page("Mail catcher", body.toString(), 5);
    }

    String message(CaughtMail mail) {
        StringBuilder body = new StringBuilder()
                .append(NAV)
                .append("<h1>").append(Html.escape(mail.subject())).append("</h1>\n<table>")
                .append(row("From", mail.from()))
                .append(row("To", String.join(", ", mail.to())))
                .append(row("Received", timeFormat.format(mail.receivedAt())))
                .append("</table>\n");
        if (mail.html() != null) {
            // No scripts, no same origin, so the mail cannot touch this page; links open outside the frame,
            // because Keycloak's pages refuse to be framed.
            body.append("<h2>HTML part</h2>\n<iframe title=\"HTML part\" sandbox=\"allow-popups")
                    .append(" allow-popups-to-escape-sandbox\" srcdoc=\"")
                    .append(Html.escape("<base target=\"_blank\">" + mail.html()))
                    .append("\"></iframe>\n");
        }
        if (mail.text() != null) {
            body.append("<h2>Text part</h2>\n<pre>").append(Html.escape(mail.text())).append("</pre>\n");
        }
        return Html.page(mail.subject() == null ? "Mail " + mail.id() : mail.subject(), body.toString());
    }

    private static String row(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + Html.escape(value) + "</td></tr>";
    }
}
