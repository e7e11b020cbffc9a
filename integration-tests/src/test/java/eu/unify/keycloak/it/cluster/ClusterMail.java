package eu.unify.keycloak.it.cluster;

import java.util.Arrays;
import java.util.List;
import java.time.Duration;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import eu.unify.keycloak.it.Mails;

/** The cluster's SMTP catcher (GreenMail on its own port, beside the suite's on 3025): every node sends through it. */
public final class ClusterMail implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private ClusterMail(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    static ClusterMail start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new ClusterMail(greenMail, port);
    }

    public int port() {
        return port;
    }

    /** Mails received for one address, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** Waits until {@code count} mails to {@code address} have arrived; returns them. */
    public List<MimeMessage> await(String address, int count) {
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(20).toMillis();
        List<MimeMessage> messages = to(address);
        while (messages.size() < count && System.currentTimeMillis() < deadline) {
            greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
            messages = to(address);
        }
        if (messages.size() < count) {
            throw new AssertionError(count + " mails to " + address + " expected, " + messages.size() + " arrived");
        }
        return messages;
    }

    /** The code in the newest mail to {@code address}, as shown to the user. */
    public String latestCode(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            throw new AssertionError("no mail to " + address);
        }
        return Mails.code(messages.get(messages.size() - 1));
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
