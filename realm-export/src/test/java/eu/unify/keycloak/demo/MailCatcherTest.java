package eu.unify.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailCatcherTest {

    private static final String HOSTILE_SUBJECT = "<script>alert('subject')</script> Reset & go";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private MailCatcher catcher;

    @BeforeEach
    void start() throws Exception {
        catcher = MailCatcher.start(0, 0);
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void servesAMailSentOverSmtpAsJson() throws Exception {
        send("alice@example.test", HOSTILE_SUBJECT, "Plain body", "<p>HTML <b>body</b></p>");

        HttpResponse<String> response = get("/api/messages");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode messages = json.readTree(response.body());
        assertThat(messages).hasSize(1);
        JsonNode mail = messages.get(0);
        assertThat(mail.path("id").asLong()).isEqualTo(1);
        assertThat(Instant.parse(mail.path("receivedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(mail.path("from").asText()).isEqualTo("noreply@unify.localhost");
        assertThat(mail.path("to")).extracting(JsonNode::asText).containsExactly("alice@example.test");
        assertThat(mail.path("subject").asText()).isEqualTo(HOSTILE_SUBJECT);
        assertThat(mail.path("text").asText()).isEqualTo("Plain body");
        assertThat(mail.path("html").asText()).isEqualTo("<p>HTML <b>body</b></p>");
    }

    @Test
    void listsMailNewestFirstWithEverythingEscaped() throws Exception {
        send("first@example.test", "First", "one", null);
        send("second@example.test", HOSTILE_SUBJECT, "two", null);

        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpExchanges.HTML);
        assertThat(response.body())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; Reset &amp; go")
                .contains("href=\"/mail/2\"", "href=\"/mail/1\"");
        assertThat(response.body().indexOf("second@example.test"))
                .isLessThan(response.body().indexOf("first@example.test"));
    }

    @Test
    void showsOneMailWithItsHtmlOnlyInsideASandboxedFrame() throws Exception {
        send("alice@example.test", HOSTILE_SUBJECT, "Text <with> markup",
                "<p onclick=\"x()\">Hi</p><script>alert('body')</script>");

        HttpResponse<String> response = get("/mail/1");

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).doesNotContain("<script>", "<p onclick")
                .contains("<title>&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; Reset &amp; go</title>")
                .contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
                .contains("srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;&lt;p onclick=&quot;x()&quot;&gt;Hi")
                .contains("<pre>Text &lt;with&gt; markup</pre>");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("default-src 'none'"));
    }

    @Test
    void unknownMailIsNotFound() throws Exception {
        assertThat(get("/mail/42").statusCode()).isEqualTo(404);
        assertThat(get("/mail/not-a-number").statusCode()).isEqualTo(404);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void deleteForgetsAllMail() throws Exception {
        send("alice@example.test", "Bye", "text", null);

        HttpResponse<String> deleted = http.send(request("/api/messages").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(json.readTree(get("/api/messages").body())).isEmpty();
        assertThat(catcher.messages()).isEmpty();
        send("bob@example.test", "Again", "text", null);
        assertThat(catcher.messages()).singleElement().extracting(CaughtMail::id).isEqualTo(2L);
    }

    @Test
    void keepsOneEntryForAMailToSeveralRecipients() throws Exception {
        send("a@example.test, b@example.test", "Both", "text", null);

        assertThat(catcher.messages()).singleElement().satisfies(mail -> assertThat(mail.to())
                .containsExactly("a@example.test", "b@example.test"));
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        int before = catcher.messages().size();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(catcher.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@unify.localhost"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setContent(html, "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        }
        Transport.send(message);
        awaitMessageCount(before + 1);
    }

    private void awaitMessageCount(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (catcher.messages().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(catcher.messages()).hasSize(count);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + catcher.httpPort() + path))
                .timeout(Duration.ofSeconds(10));
    }
}
