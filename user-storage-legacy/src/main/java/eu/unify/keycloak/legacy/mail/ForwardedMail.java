package eu.unify.keycloak.legacy.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.common.util.HtmlUtils;

/**
 * A mail for a sub-account, rewritten for its main account's mailbox: the same subject and bodies, with a note on
 * top that says which account it is for. Keycloak's own text is left exactly as it was.
 */
public record ForwardedMail(String subject, String textBody, String htmlBody) {

    /** Marks the note in the HTML body (tests and mail filters can find it). */
    public static final String NOTE_ID = "unify-mail-forward";

    private static final Pattern BODY_CELL = Pattern.compile("<td\\b[^>]*\\bid=\"unify-email-body\"[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY = Pattern.compile("<body\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    /**
     * @param subject the subject for the main account, already carrying the account (see {@code ForwardTexts})
     * @param note    one plain-text sentence naming the account the mail is for
     */
    public static ForwardedMail of(String subject, String note, String textBody, String htmlBody) {
        return new ForwardedMail(subject, text(note, textBody), html(note, htmlBody));
    }

    static String text(String note, String body) {
        if (body == null) {
            return null;
        }
        return note + "\n\n" + body;
    }

    /**
     * Puts the note first in the Unify layout's content cell, else right after {@code <body>}, else in front of the
     * fragment.
     */
    static String html(String note, String body) {
        if (body == null) {
            return null;
        }
        String paragraph = "<p id=\"" + NOTE_ID + "\" style=\"margin:12px 0 16px; padding:12px 16px; "
                + "background-color:#fff4ce; border-left:4px solid #8a6d00; color:#172033; font-size:14px; "
                + "line-height:20px;\">" + HtmlUtils.escapeAttribute(note) + "</p>";
        for (Pattern anchor : new Pattern[] {BODY_CELL, BODY}) {
            Matcher matcher = anchor.matcher(body);
            if (matcher.find()) {
                return body.substring(0, matcher.end()) + paragraph + body.substring(matcher.end());
            }
        }
        return paragraph + body;
    }

    /** Without the bodies: they may hold action links, which must never reach a log. */
    @Override
    public String toString() {
        return "ForwardedMail[subject=" + subject + ", text=" + (textBody == null ? 0 : textBody.length())
                + " chars, html=" + (htmlBody == null ? 0 : htmlBody.length()) + " chars]";
    }
}
