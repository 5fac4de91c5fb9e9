package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.calendar.domain.LegalCalendar;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7 point 4 on the real server, through WildFly's mail session {@code java:jboss/mail/Regard} and GreenMail in
 * this JVM ({@link MailServer}): a web request's acknowledgement arrives by e-mail with the registry's sealed PDF
 * attached, threaded and marked; the letter reads "Envoyée par courriel le …"; with the mail server stopped the mail
 * waits with backoff (visible on {@code GET /api/v1/mail/outbox}) and is sent exactly once after the restart; the postal
 * channel and a recorded bounce (docs/mail.md).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailOutboxIT {

    private static final String PASSWORD = "it-demo-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String REQUESTER = "camille.durand@example.org";

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    @Order(1)
    @DisplayName("a filed web request: the acknowledgement arrives by e-mail, sealed PDF attached (registry's SHA-256), "
            + "threaded and marked as automatic; the letter reads 'Envoyée par courriel le …'")
    void acknowledgementArrivesByEmail() throws Exception {
        MailServer.start();
        String ref = file();

        MimeMessage mail = awaitMails(ref, 1).get(0);
        JsonObject letter = awaitLetter(ref, "ACKNOWLEDGEMENT", l -> l.getString("delivery").equals("SENT"));
        assertThat(letter.getString("deliveryLabel")).matches("Envoyée par courriel le \\d{1,2} \\p{L}+ \\d{4} à \\d{2}:\\d{2}");
        Instant sentAt = OffsetDateTime.parse(letter.getString("sentAt")).toInstant();
        assertThat(sentAt).isBetween(Instant.now().minus(5, ChronoUnit.MINUTES), Instant.now());

        assertThat(mail.getSubject()).isEqualTo("[" + ref + "] Accusé de réception");
        assertThat(mail.getFrom()[0].toString()).contains("protectiondesdonnees@mairie-lille.fr");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(mail.getHeader("X-Regard-Letter", null)).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(mail.getHeader("X-Regard-Case", null)).isEqualTo(ref);
        assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@regard\\.mairie-lille\\.fr>");
        assertThat(mail.getHeader("In-Reply-To")).as("a web request: nothing to answer yet").isNull();

        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains("Bonjour Camille Durand", "« Accusé de réception »", ref,
                "/api/v1/documents/verify", "/api/v1/tracking/", "[" + ref + "]");
        Part pdf = parts.getBodyPart(1);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getFileName()).isEqualTo(ref + "-acknowledgement.pdf");
        byte[] attached;
        try (InputStream in = pdf.getInputStream()) {
            attached = in.readAllBytes();
        }
        JsonObject document = Http.get("/api/v1/requests/" + ref + "/documents", "dpo", PASSWORD).json()
                .getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("type").equals("ACKNOWLEDGEMENT")).findFirst().orElseThrow();
        assertThat(sha256(attached)).isEqualTo(document.getString("sha256"));

        // Journal: queued with the letter, then sent, on the case; the outbox status counts it.
        assertThat(journalActions(ref)).contains("LETTER_TO_ISSUE", "MAIL_QUEUED", "MAIL_SENT");
        JsonObject status = outbox();
        assertThat(status.getJsonObject("counts").getInt("SENT")).isGreaterThanOrEqualTo(1);
        assertThat(status.getJsonArray("latest").getValuesAs(JsonObject.class))
                .anySatisfy(i -> {
                    assertThat(i.getString("messageId")).isEqualTo(mail.getMessageID());
                    assertThat(i.getString("state")).isEqualTo("SENT");
                    assertThat(i.getString("caseReference")).isEqualTo(ref);
                    assertThat(i.getInt("attempts")).isEqualTo(1);
                });
        // The tracking page tells the requester too.
        assertThat(Http.get("/api/v1/mail/outbox", "operator", PASSWORD).status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    @DisplayName("mail server down: the letter waits 'En file d'envoi', retried with backoff and the French error on "
            + "the outbox status; restarted: sent exactly once per Message-ID")
    void outageThenRecovery() throws Exception {
        MailServer.stop();
        String ref = file();

        JsonObject retried = Await.until(() -> outboxItem(ref).filter(i -> i.getInt("attempts") >= 2),
                PATIENCE, "a second attempt of " + ref + "'s acknowledgement during the outage");
        assertThat(retried.getString("state")).isIn("QUEUED", "SENDING");
        JsonObject waiting = Await.until(() -> outboxItem(ref).filter(i -> i.getString("state").equals("QUEUED")
                && i.containsKey("lastError")), PATIENCE, "queued with its error");
        assertThat(waiting.getString("lastError")).startsWith("Serveur de messagerie injoignable (");
        assertThat(OffsetDateTime.parse(waiting.getString("nextAttemptAt")).toInstant())
                .isAfter(OffsetDateTime.parse(waiting.getString("lastAttemptAt")).toInstant());
        JsonObject status = outbox();
        assertThat(status.getInt("waiting")).isGreaterThanOrEqualTo(1);
        assertThat(status.getJsonObject("lastError").getString("lastError")).startsWith("Serveur de messagerie injoignable");
        assertThat(status.containsKey("oldestWaiting")).isTrue();
        JsonObject letter = letter(staff(ref), "ACKNOWLEDGEMENT");
        assertThat(letter.getString("deliveryLabel")).isEqualTo("En file d'envoi");
        assertThat(letter.containsKey("sentAt")).isFalse();
        assertThat(journalActions(ref)).contains("MAIL_QUEUED").doesNotContain("MAIL_SENT", "MAIL_SEND_FAILED");

        MailServer.start();
        List<MimeMessage> mails = awaitMails(ref, 1);
        awaitLetter(ref, "ACKNOWLEDGEMENT", l -> l.getString("delivery").equals("SENT"));
        JsonObject sent = outboxItem(ref).orElseThrow();
        assertThat(sent.getString("state")).isEqualTo("SENT");
        assertThat(sent.getInt("attempts")).isGreaterThanOrEqualTo(3);
        // a few more polls: nothing is sent again
        Thread.sleep(5_000);
        Map<String, Long> perMessageId = MailServer.receivedBy(REQUESTER).stream()
                .filter(m -> ref.equals(header(m, "X-Regard-Case")))
                .collect(Collectors.groupingBy(MailOutboxIT::messageId, Collectors.counting()));
        assertThat(perMessageId).containsExactly(Map.entry(sent.getString("messageId"), 1L));
        assertThat(mails).hasSize(1);
        assertThat(journalActions(ref).stream().filter("MAIL_SENT"::equals)).hasSize(1);
    }

    @Test
    @Order(3)
    @DisplayName("postal channel: a request by post without e-mail is 'À envoyer par la poste'; printable PDF "
            + "(journalled), posted by registered mail, delivered; bad input named in French")
    void postalChannel() throws Exception {
        String ref = filePostal();
        JsonObject letter = awaitLetter(ref, "ACKNOWLEDGEMENT", l -> l.getString("statusLabel").equals("Émise"));
        assertThat(letter.getString("delivery")).isEqualTo("TO_SEND");
        assertThat(letter.getString("deliveryLabel")).isEqualTo("À envoyer par la poste");
        long id = letter.getJsonNumber("id").longValue();

        Path printed = Files.createTempFile("printable", ".pdf");
        Http.download("/api/v1/letters/" + id + "/printable", "operator", PASSWORD, printed);
        JsonObject document = Http.get("/api/v1/requests/" + ref + "/documents", "dpo", PASSWORD).json()
                .getJsonArray("documents").getJsonObject(0);
        assertThat(sha256(Files.readAllBytes(printed))).isEqualTo(document.getString("sha256"));
        assertThat(Http.get("/api/v1/letters/" + id + "/printable", "auditor", PASSWORD).status()).isEqualTo(403);
        assertThat(Http.get("/api/v1/letters/999999999/printable", "dpo", PASSWORD).status()).isEqualTo(404);

        Http.Reply bad = Http.postJsonAs("/api/v1/letters/" + id + "/postal", "operator", PASSWORD,
                "{\"registeredMailNumber\":\"?\",\"postedOn\":\"" + LocalDate.now().plusDays(3) + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).containsExactlyInAnyOrder("registeredMailNumber", "postedOn");
        assertThat(bad.body()).contains("Numéro de recommandé requis", "futur");
        Http.Reply notPosted = Http.postJsonAs("/api/v1/letters/" + id + "/postal/delivery", "operator", PASSWORD,
                "{\"deliveredOn\":\"" + today() + "\"}");
        assertThat(notPosted.status()).isEqualTo(409);

        Http.Reply posted = Http.postJsonAs("/api/v1/letters/" + id + "/postal", "operator", PASSWORD,
                "{\"registeredMailNumber\":\"1a 999 888 7770 6\",\"postedOn\":\"" + today() + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().getString("delivery")).isEqualTo("POSTED");
        assertThat(posted.json().getString("deliveryLabel")).startsWith("Postée en recommandé n° 1A 999 888 7770 6 le ");
        assertThat(Http.postJsonAs("/api/v1/letters/" + id + "/postal", "dpo", PASSWORD,
                "{\"registeredMailNumber\":\"1A 999 888 7770 6\",\"postedOn\":\"" + today() + "\"}").status())
                .as("posted once").isEqualTo(409);
        Http.Reply both = Http.postJsonAs("/api/v1/letters/" + id + "/postal/delivery", "dpo", PASSWORD,
                "{\"deliveredOn\":\"" + today() + "\",\"returned\":\"NPAI\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("returned");

        Http.Reply delivered = Http.postJsonAs("/api/v1/letters/" + id + "/postal/delivery", "dpo", PASSWORD,
                "{\"deliveredOn\":\"" + today() + "\"}");
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        JsonObject after = letter(staff(ref), "ACKNOWLEDGEMENT");
        assertThat(after.getString("delivery")).isEqualTo("DELIVERED");
        assertThat(after.getString("deliveryLabel")).startsWith("Distribuée le ");
        assertThat(after.getString("registeredMailNumber")).isEqualTo("1A 999 888 7770 6");
        assertThat(after.getString("postedOn")).isEqualTo(today());
        assertThat(after.getString("deliveredOn")).isEqualTo(today());
        assertThat(journalActions(ref)).contains("DOCUMENT_DOWNLOADED", "LETTER_POSTED", "LETTER_DELIVERED")
                .doesNotContain("MAIL_QUEUED");
    }

    @Test
    @Order(4)
    @DisplayName("a bounce recorded through the Bounces API: the letter is 'Non distribuée (retour)', MAIL_BOUNCED "
            + "on its case, a French flag for the DPO; the same bounce again changes nothing")
    void bounceRecorded() throws Exception {
        MailServer.start();
        String ref = file();
        MimeMessage mail = awaitMails(ref, 1).get(0);
        awaitLetter(ref, "ACKNOWLEDGEMENT", l -> l.getString("delivery").equals("SENT"));

        String path = "/" + RegardDeployment.PROBE + "/outbox/bounce";
        String body = """
                {"originalMessageId":"%s","failedRecipient":"%s","status":"5.1.1",
                 "diagnostic":"550 5.1.1 User unknown","bounceMessageId":"<dsn-%s@mx.example.org>"}"""
                .formatted(mail.getMessageID(), REQUESTER, ref);
        Http.Reply first = Http.postJson(path, body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("outcome")).isEqualTo("RECORDED");
        assertThat(Http.postJson(path, body).json().getString("outcome")).isEqualTo("ALREADY_RECORDED");
        assertThat(Http.postJson(path, body.replace(mail.getMessageID(), "<unknown@example.org>")).json()
                .getString("outcome")).isEqualTo("UNKNOWN_MESSAGE");

        JsonObject staff = staff(ref);
        JsonObject letter = letter(staff, "ACKNOWLEDGEMENT");
        assertThat(letter.getString("delivery")).isEqualTo("BOUNCED");
        assertThat(letter.getString("deliveryLabel")).isEqualTo("Non distribuée (retour)");
        assertThat(letter.getString("deliveryNote")).isEqualTo("550 5.1.1 User unknown (statut 5.1.1)");
        assertThat(staff.getJsonArray("flags").getString(0)).isEqualTo("Courriel non distribué : 550 5.1.1 User "
                + "unknown (statut 5.1.1) — envoyer la lettre par la poste (« Accusé de réception »).");
        assertThat(journalActions(ref).stream().filter("MAIL_BOUNCED"::equals)).hasSize(1);

        // Posting the letter answers the flag.
        long id = letter.getJsonNumber("id").longValue();
        assertThat(Http.postJsonAs("/api/v1/letters/" + id + "/postal", "dpo", PASSWORD,
                "{\"registeredMailNumber\":\"1A 111 222 3334 5\",\"postedOn\":\"" + today() + "\"}").status())
                .isEqualTo(200);
        assertThat(staff(ref).getJsonArray("flags")).isEmpty();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static String file() {
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        Http.Reply reply = Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS",
                OffsetDateTime.ofInstant(end.minus(30, ChronoUnit.MINUTES), LegalCalendar.PARIS).toString(),
                OffsetDateTime.ofInstant(end, LegalCalendar.PARIS).toString()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().getString("reference");
    }

    private static String filePostal() {
        OffsetDateTime end = OffsetDateTime.now(ZoneId.of("Europe/Paris")).minusDays(2).withNano(0);
        String body = """
                {"kind":"ACCESS","receivedAt":"%s","registeredMailNumber":"1A 123 456 7890 1",
                 "requester":{"firstName":"Louis","lastName":"Petit","language":"fr",
                              "postalAddress":["12 rue de Béthune","59000 Lille"]},
                 "facts":{"start":"%s","end":"%s","place":"Rue de Béthune, Lille"}}"""
                .formatted(OffsetDateTime.now(ZoneId.of("Europe/Paris")).minusDays(1).withNano(0), end.minusMinutes(30),
                        end);
        Http.Reply filed = Http.postJsonAs("/api/v1/requests/letters", "operator", PASSWORD, body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().getString("reference");
    }

    private static List<MimeMessage> awaitMails(String ref, int count) {
        return Await.until(() -> Optional.of(MailServer.receivedBy(REQUESTER).stream()
                        .filter(m -> ref.equals(header(m, "X-Regard-Case"))).toList())
                .filter(l -> l.size() >= count), PATIENCE, count + " mail(s) of " + ref);
    }

    private static JsonObject awaitLetter(String ref, String type, Predicate<JsonObject> condition) {
        return Await.until(() -> Optional.of(staff(ref)).flatMap(s -> s.getJsonArray("letters")
                        .getValuesAs(JsonObject.class).stream().filter(l -> l.getString("type").equals(type)).findFirst())
                .filter(condition), PATIENCE, type + " of " + ref);
    }

    private static Optional<JsonObject> outboxItem(String ref) {
        return outbox().getJsonArray("latest").getValuesAs(JsonObject.class).stream()
                .filter(i -> ref.equals(i.getString("caseReference", null))).findFirst();
    }

    private static JsonObject outbox() {
        Http.Reply reply = Http.get("/api/v1/mail/outbox", "dpo", PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject staff(String ref) {
        return Http.get("/api/v1/requests/" + ref, "dpo", PASSWORD).json();
    }

    static JsonObject letter(JsonObject view, String type) {
        return view.getJsonArray("letters").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("type").equals(type)).findFirst().orElseThrow();
    }

    private static List<String> journalActions(String ref) {
        return Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + ref).json().getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
