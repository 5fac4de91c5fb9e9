package fr.regard.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The outbox's composition and SMTP hand-over against a real SMTP server (GreenMail in this JVM, through a plain
 * Jakarta Mail session): the message arrives as composed (Message-ID, threading, automatic-message headers, the PDF
 * byte for byte); an outage is a temporary failure, and a mail queued during it is sent exactly once after it.
 */
class SmtpSenderTest {

    private static final String DPO = "protectiondesdonnees@mairie-lille.fr";
    private static final String REQUESTER = "camille.martin@example.org";
    private static final byte[] PDF = ("%PDF-1.7\n" + "x".repeat(5_000) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private int port;
    private GreenMail greenMail;
    private SmtpSender sender;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "5000");
        Session session = Session.getInstance(properties);
        sender = new SmtpSender(() -> session);
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private static OutgoingMail letter() {
        return new OutgoingMail("DA-2026-000042", REQUESTER, "[DA-2026-000042] Accusé de réception",
                "Bonjour Camille Martin,\n\nVous trouverez ci-joint le courrier « Accusé de réception ».\n",
                "original-1@example.org", List.of("<original-1@example.org>", "<letter-0@regard.mairie-lille.fr>"),
                List.of(new OutgoingMail.Attachment("DA-2026-000042-acknowledgement.pdf", "application/pdf", PDF)),
                OutgoingMail.Kind.LETTER, 12L, "ACKNOWLEDGEMENT");
    }

    private static byte[] compose(String messageId) {
        return MailComposer.compose(letter(), DPO, "Délégué à la protection des données — Ville de Lille", messageId,
                Instant.parse("2026-03-03T13:30:00Z"));
    }

    @Test
    @DisplayName("the mail arrives as composed: our Message-ID, threading, RFC 3834 and Regard headers, the PDF intact")
    void arrivesAsComposed() throws Exception {
        sender.send(compose("<m1@regard.mairie-lille.fr>"), REQUESTER);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getMessageID()).isEqualTo("<m1@regard.mairie-lille.fr>");
        assertThat(m.getSubject()).isEqualTo("[DA-2026-000042] Accusé de réception");
        assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo(DPO);
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Délégué à la protection des données — Ville de Lille");
        assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<original-1@example.org>");
        assertThat(m.getHeader("References", null).split("\\s+"))
                .containsExactly("<original-1@example.org>", "<letter-0@regard.mairie-lille.fr>");
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(m.getHeader("X-Regard-Letter", null)).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(m.getHeader("X-Regard-Case", null)).isEqualTo("DA-2026-000042");
        assertThat(m.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-03-03T13:30:00Z"));

        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Vous trouverez ci-joint le courrier");
        assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
        Part pdf = parts.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("DA-2026-000042-acknowledgement.pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(PDF));
        }
    }

    @Test
    @DisplayName("mail server down: a temporary failure in French; queued meanwhile, sent exactly once after restart")
    void outageThenRecoveryExactlyOnce() throws Exception {
        Instant now = Instant.parse("2026-03-03T13:30:00Z");
        OutboxRecord row = new OutboxRecord("<m2@regard.mairie-lille.fr>", letter(), DPO, "ab".repeat(32), 1, now);
        byte[] raw = compose(row.messageId());
        greenMail.stop();

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(row.claim("node-a", now, Duration.ofMinutes(5))).isTrue();
            SendFailure failure = catchFailure(raw);
            assertThat(failure.permanent()).isFalse();
            assertThat(failure.getMessage()).startsWith("Serveur de messagerie injoignable (127.0.0.1:" + port + ")");
            row.retryLater(failure.getMessage(), now, Backoff.standard(), () -> 0.5, Duration.ofDays(3));
            assertThat(row.state()).isEqualTo(OutboxState.QUEUED);
            now = row.nextAttemptAt();
        }

        greenMail.start();
        while (row.claim("node-a", now, Duration.ofMinutes(5))) {
            sender.send(raw, REQUESTER);
            row.sent(now);
        }
        assertThat(row.state()).isEqualTo(OutboxState.SENT);
        assertThat(row.attempts()).isEqualTo(4);
        Map<String, Long> perMessageId = Arrays.stream(greenMail.getReceivedMessages())
                .collect(Collectors.groupingBy(SmtpSenderTest::messageId, Collectors.counting()));
        assertThat(perMessageId).containsExactly(Map.entry("<m2@regard.mairie-lille.fr>", 1L));
    }

    @Test
    @DisplayName("5xx and refused addresses are permanent, 4xx temporary, each explained in French")
    void classifiesRefusals() throws Exception {
        InternetAddress to = new InternetAddress(REQUESTER);
        Function<Integer, SendFailedException> refused = code -> new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO:<" + REQUESTER + ">", code,
                        code + " 5.1.1 <" + REQUESTER + ">: Recipient address rejected"),
                new Address[0], new Address[0], new Address[] {to});
        SendFailure unknown = SmtpSender.classify(refused.apply(550), null);
        assertThat(unknown.permanent()).isTrue();
        assertThat(unknown.getMessage()).startsWith("Adresse refusée par le serveur de messagerie (" + REQUESTER + ")");
        SendFailure greylisted = SmtpSender.classify(refused.apply(451), null);
        assertThat(greylisted.permanent()).isFalse();
        assertThat(greylisted.getMessage()).startsWith("Refus temporaire du serveur de messagerie (code 451)");
        assertThatThrownBy(() -> sender.send(compose("<m3@regard.mairie-lille.fr>"), "pas une adresse"))
                .isInstanceOfSatisfying(SendFailure.class, f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.getMessage()).startsWith("Adresse électronique invalide");
                });
    }

    @Test
    @DisplayName("addresses a mail server accepts, and Message-IDs written with their angle brackets")
    void addressesAndIds() {
        assertThat(MailComposer.isValidAddress("camille.martin@example.org")).isTrue();
        assertThat(MailComposer.isValidAddress("Camille <camille@example.org>")).isTrue();
        assertThat(MailComposer.isValidAddress("camille@")).isFalse();
        assertThat(MailComposer.isValidAddress("a@b.fr, c@d.fr")).isFalse();
        assertThat(MailComposer.isValidAddress(" ")).isFalse();
        assertThat(MailComposer.bracketed("x@y")).isEqualTo("<x@y>");
        assertThat(MailComposer.bracketed(" <x@y> ")).isEqualTo("<x@y>");
        assertThat(MailComposer.bracketed("")).isNull();
    }

    private SendFailure catchFailure(byte[] raw) {
        try {
            sender.send(raw, REQUESTER);
        } catch (SendFailure f) {
            return f;
        }
        throw new AssertionError("the send should have failed");
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
