package eu.unify.keycloak.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.unify.keycloak.demo.CaughtMail;
import eu.unify.keycloak.demo.MailCatcher;

/** Reads what Keycloak mailed to a benchmark user from the demo's mail catcher, running in this JVM. */
public final class Mailbox {

    /** The code in Unify's code mail (html/unify-code.ftl). */
    private static final Pattern UNIFY_CODE = Pattern.compile("id=\"unify-code-value\"[^>]*>\\s*([^<\\s]+)\\s*<");
    private static final Duration POLL = Duration.ofMillis(5);

    private final MailCatcher catcher;

    public Mailbox(MailCatcher catcher) {
        this.catcher = catcher;
    }

    /** The code in the newest mail to {@code address}, waiting up to {@code timeout} for it to arrive. */
    public String awaitUnifyCode(String address, Duration timeout) throws InterruptedException {
        return await(address, timeout, "Unify code", Mailbox::unifyCode);
    }

    /** The first link containing {@code part} in the newest mail to {@code address}, for example an action link. */
    public String awaitLink(String address, String part, Duration timeout) throws InterruptedException {
        return await(address, timeout, "link to " + part, html -> link(html, part));
    }

    private String await(String address, Duration timeout, String what, Function<String, Optional<String>> extract)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<String> found = newestTo(address).flatMap(mail -> extract.apply(mail.html()));
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No mail with a " + what + " to " + address + " within "
                        + timeout.toMillis() + " ms");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Forgets all mail; between batches, so that the catcher does not grow over a long run. */
    public void purge() {
        catcher.purge();
    }

    static Optional<String> unifyCode(String html) {
        if (html == null) {
            return Optional.empty();
        }
        Matcher matcher = UNIFY_CODE.matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Optional<String> link(String html, String part) {
        return html == null ? Optional.empty() : new HtmlPage(html).link(part);
    }

    private Optional<CaughtMail> newestTo(String address) {
        List<CaughtMail> mails = catcher.messages();
        for (int i = mails.size() - 1; i >= 0; i--) {
            if (mails.get(i).to().stream().anyMatch(address::equalsIgnoreCase)) {
                return Optional.of(mails.get(i));
            }
        }
        return Optional.empty();
    }
}
