package eu.unify.keycloak.it;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** Reads what Keycloak sent from the SMTP catcher, as a user reads their mailbox. */
public final class Mails {

    private static final Pattern CODE = Pattern.compile("id=\"unify-code-value\"[^>]*>\\s*([^<\\s]+)\\s*<");

    /** How long {@link #await} waits: mail sent after a response arrives within milliseconds on a test server. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private Mails() {
    }

    /** Mails received for one address, oldest first. */
    public static List<MimeMessage> to(MailServer mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /**
     * The code in the newest mail to {@code address}, as shown to the user; waits for the first one (codes asked for
     * on "Forgot password?" are mailed after the page has been answered).
     */
    public static String latestCode(MailServer mail, String address) {
        List<MimeMessage> messages = await(mail, address, 1);
        return code(messages.get(messages.size() - 1));
    }

    /**
     * Mails received for one address once there are at least {@code count}, oldest first; fails after
     * {@link #WAIT} without them. For mail sent after the response that caused it.
     */
    public static List<MimeMessage> await(MailServer mail, String address, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<MimeMessage> messages = to(mail, address);
            if (messages.size() >= count) {
                return messages;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " mails to " + address + ", got " + messages.size());
            }
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
    }

    public static String code(MimeMessage message) {
        Matcher matcher = CODE.matcher(html(message));
        if (!matcher.find()) {
            throw new AssertionError("no #unify-code-value in the mail");
        }
        return SuiteSecrets.registerCode(matcher.group(1));
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
