package eu.unify.keycloak.demo;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One mail as the catcher shows it, read out of the MIME message once when it arrives.
 *
 * @param id         1, 2, 3, ... in order of arrival; stable until the catcher is purged
 * @param to         the envelope recipients (RCPT TO), so Bcc recipients show too
 * @param text       the first text/plain part, or null
 * @param html       the first text/html part, or null
 */
public record CaughtMail(long id, Instant receivedAt, String from, List<String> to, String subject, String text,
                  String html) {

    public CaughtMail {
        to = List.copyOf(to);
    }

    static CaughtMail of(long id, Instant receivedAt, List<String> envelopeRecipients, MimeMessage message)
            throws MessagingException, IOException {
        Address[] from = message.getFrom();
        String sender = from == null ? "" : Arrays.stream(from).map(Address::toString).collect(Collectors.joining(", "));
        Bodies bodies = new Bodies();
        bodies.collect(message);
        return new CaughtMail(id, receivedAt, sender, envelopeRecipients, message.getSubject(), bodies.text,
                bodies.html);
    }

    /** Walks the MIME tree depth first and keeps the first inline text and HTML bodies, skipping attachments. */
    private static final class Bodies {
        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            }
        }
    }
}
