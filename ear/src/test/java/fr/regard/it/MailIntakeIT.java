package fr.regard.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.calendar.domain.LegalCalendar;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DPO mailbox read by the server over real IMAP (GreenMail in the test JVM, through the server's mail session):
 * new requests, replies, duplicates, automatic and hostile mail, move failures, an outage (docs/mail.md).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIntakeIT {

    static final String PASSWORD = "it-demo-secret";
    static final String PROBE = "/" + RegardDeployment.PROBE + "/mail-intake";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @BeforeAll
    static void mailServer() {
        MailServer.start();
    }

    /**
     * The cases this suite opened from e-mails keep their provisional hold (the whole retention, every camera) until a
     * DPO states their facts; no DPO does here, so the suite releases those holds itself: the other suites' windows
     * (e.g. FootageHoldIT's "nothing held") must not depend on the order the suites run in.
     */
    @AfterAll
    static void releaseProvisionalHolds() {
        FootagePurgeIT.sql("update footage_hold set released_at = current_timestamp, released_by = 'it', "
                + "release_reason = 'nettoyage MailIntakeIT' where released_at is null and kind = 'CASE' and case_reference in "
                + "(select reference from access_case where channel = 'EMAIL' and facts_confirmed = false)");
    }

    static String newId() {
        return UUID.randomUUID() + "@citoyen.example.org";
    }

    static String eml(String messageId, String from, String subject, String headers, String contentType, String body) {
        return "From: " + from + "\r\nTo: " + MailServer.DPO + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\nDate: Thu, 26 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n" + headers
                + "Content-Type: " + contentType + "\r\n\r\n" + body + "\r\n";
    }

    /**
     * A delivery status notification (RFC 3464) from {@code from}: {@code failedRecipient} unknown (5.1.1), about the
     * message whose Message-ID header value is {@code originalMessageIdHeader}.
     */
    static String dsn(String messageId, String from, String failedRecipient, String originalMessageIdHeader) {
        String boundary = "b" + UUID.randomUUID();
        return eml(messageId, from, "Undelivered Mail Returned to Sender", "",
                "multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"",
                "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--" + boundary
                        + "\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                        + "Final-Recipient: rfc822; " + failedRecipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n--" + boundary
                        + "\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + originalMessageIdHeader
                        + "\r\nSubject: x\r\n--" + boundary + "--");
    }

    static String text(String messageId, String from, String subject, String body) {
        return eml(messageId, from, subject, "", "text/plain; charset=UTF-8", body);
    }

    /** The rows the server holds for a Message-ID, once {@code done} holds for them. */
    static List<JsonObject> rows(String messageId, Predicate<List<JsonObject>> done) {
        return Await.until(() -> {
            Http.Reply r = Http.get(PROBE + "/messages?messageId=" + messageId);
            List<JsonObject> rows = r.json().getJsonArray("rows").getValuesAs(JsonObject.class);
            return done.test(rows) ? Optional.of(rows) : Optional.empty();
        }, PATIENCE, "the mail " + messageId);
    }

    static JsonObject routedAndMoved(String messageId) {
        return rows(messageId, r -> r.size() == 1 && r.get(0).getBoolean("moved")).get(0);
    }

    static JsonObject staffView(String reference) {
        Http.Reply r = Http.get("/api/v1/requests/" + reference, "dpo", PASSWORD);
        assertThat(r.status()).as(reference + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> actions(JsonObject row) {
        return row.getJsonArray("journal").getValuesAs(JsonObject.class).stream().map(j -> j.getString("action")).toList();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @DisplayName("a new request by e-mail becomes a case 'à qualifier', its .eml stored and hashed, suggestions proposed")
    void newRequest() throws Exception {
        String id = newId();
        Instant before = Instant.now().minusSeconds(2);
        MailServer.deliver(text(id, "=?UTF-8?Q?L=C3=A9a_Martin?= <lea.martin@example.org>",
                "=?UTF-8?Q?Demande_d'acc=C3=A8s_aux_images?=",
                "Bonjour, j'ai été filmée le 24 novembre vers 18h30 rue Nationale. Je demande l'accès aux images.\r\n"
                        + "Léa Martin"));
        JsonObject row = routedAndMoved(id);
        assertThat(row.getString("state")).isEqualTo("CASE_CREATED");
        assertThat(Instant.parse(row.getString("receivedAt"))).as("INTERNALDATE, the legal receipt").isAfter(before);
        assertThat(actions(row)).containsExactly("MAIL_RECEIVED", "MAIL_ATTACHED");
        assertThat(row.getJsonArray("journal").getJsonObject(0).getString("details"))
                .contains(row.getString("sha256"));
        String ref = row.getString("caseReference");
        JsonObject view = staffView(ref);
        assertThat(view.getString("channel")).isEqualTo("EMAIL");
        assertThat(view.getString("statusLabel")).isEqualTo("À qualifier");
        assertThat(view.getJsonObject("facts").getBoolean("confirmed")).isFalse();
        assertThat(view.getJsonObject("requester").getString("firstName")).isEqualTo("Léa");
        assertThat(view.getJsonObject("requester").getString("lastName")).isEqualTo("Martin");
        assertThat(view.getJsonObject("requester").getString("email")).isEqualTo("lea.martin@example.org");
        assertThat(Instant.parse(OffsetDateTime.parse(view.getString("receivedAt")).toInstant().toString()))
                .isEqualTo(Instant.parse(row.getString("receivedAt")));
        JsonObject mail = view.getJsonArray("mails").getJsonObject(0);
        assertThat(mail.getString("role")).isEqualTo("REQUEST");
        assertThat(mail.getString("subject")).isEqualTo("Demande d'accès aux images");
        assertThat(mail.getString("text")).contains("filmée le 24 novembre");
        assertThat(mail.getString("sha256")).isEqualTo(row.getString("sha256"));
        Http.Bytes original = Http.bytesAs(mail.getString("originalUrl"), "dpo", PASSWORD);
        assertThat(original.status()).isEqualTo(200);
        assertThat(sha256(original.body())).as("the original as received").isEqualTo(row.getString("sha256"));
        assertThat(new String(original.body(), StandardCharsets.UTF_8)).contains("Message-ID: <" + id + ">");
        List<JsonObject> suggestions = view.getJsonArray("suggestions").getValuesAs(JsonObject.class);
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions).allSatisfy(s -> assertThat(s.getString("label"))
                .startsWith("Proposé (extrait automatiquement) : "));
        assertThat(suggestions).anySatisfy(s -> assertThat(s.getString("kind")).isIn("DATETIME_RANGE", "DATE"));
        assertThat(MailServer.messageIdsIn("Regard/Traités")).contains(id);
        assertThat(MailServer.messageIdsIn("INBOX")).doesNotContain(id);
        assertThat(Http.get(mail.getString("originalUrl")).status()).as("staff only").isEqualTo(401);
        assertThat(journalOf(ref)).as("the download of the original is journalled")
                .anySatisfy(e -> {
                    assertThat(e.getString("action")).isEqualTo("MAIL_ORIGINAL_DOWNLOADED");
                    assertThat(e.getString("actor")).isEqualTo("dpo");
                });

        // The requester gets their personal tracking link once, by e-mail (Regard keeps only its hash), and it works.
        MimeMessage link = Await.until(() -> MailServer.receivedBy("lea.martin@example.org").stream()
                        .filter(m -> subjectOf(m).equals("[" + ref + "] Votre lien de suivi personnel")).findFirst(),
                PATIENCE, "the tracking link of " + ref);
        assertThat(link.getHeader("In-Reply-To")[0]).isEqualTo("<" + id + ">");
        assertThat(link.getHeader("X-Regard-Letter")[0]).isEqualTo("TRACKING_LINK");
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("/api/v1/tracking/([A-Za-z0-9_-]+)")
                .matcher(String.valueOf(link.getContent()));
        assertThat(url.find()).as(String.valueOf(link.getContent())).isTrue();
        JsonObject tracking = Http.get("/api/v1/tracking/" + url.group(1)).json();
        assertThat(tracking.getString("reference")).isEqualTo(ref);
        assertThat(tracking.getString("charterWindowLabel")).isEqualTo("À déterminer (faits à préciser)");

        // Once sent, the outbox's copy of that mail (the one place the secret link was written) is erased; the
        // acknowledgement's copy stays; the DPO's outbox view says when.
        List<JsonObject> copies = Await.until(() -> {
            List<JsonObject> mails = Http.get("/" + RegardDeployment.PROBE + "/outbox/copies?caseReference=" + ref)
                    .json().getJsonArray("mails").getValuesAs(JsonObject.class);
            return mails.stream().anyMatch(m -> m.getString("kind").equals("TRACKING_LINK") && m.getBoolean("erased"))
                    ? Optional.of(mails) : Optional.empty();
        }, PATIENCE, "the tracking link's copy erased");
        JsonObject linkCopy = copies.stream().filter(m -> m.getString("kind").equals("TRACKING_LINK")).findFirst()
                .orElseThrow();
        assertThat(linkCopy.getString("state")).isEqualTo("SENT");
        assertThat(linkCopy.getBoolean("stored")).as("the blob is gone").isFalse();
        assertThat(copies).filteredOn(m -> !m.getString("kind").equals("TRACKING_LINK"))
                .allSatisfy(m -> assertThat(m.getBoolean("stored")).as(m.toString()).isTrue())
                .allSatisfy(m -> assertThat(m.getBoolean("erased")).as(m.toString()).isFalse());
        JsonObject outboxItem = Http.get("/api/v1/mail/outbox", "dpo", PASSWORD).json().getJsonArray("latest")
                .getValuesAs(JsonObject.class).stream().filter(i -> i.getString("kind").equals("TRACKING_LINK")
                        && ref.equals(i.getString("caseReference", null))).findFirst().orElseThrow();
        assertThat(outboxItem.containsKey("copyErasedAt")).isTrue();
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("replies join their case: by In-Reply-To, and by the reference in the subject from the requester")
    void replies() {
        String first = newId();
        MailServer.deliver(text(first, "Paul Durand <paul.durand@example.org>", "Demande d'accès",
                "Je souhaite accéder aux images de la caméra de la gare."));
        String ref = routedAndMoved(first).getString("caseReference");

        String reply = newId();
        MailServer.deliver(eml(reply, "Paul Durand <paul.durand@example.org>", "Re: Demande d'accès",
                "In-Reply-To: <" + first + ">\r\nReferences: <" + first + ">\r\n", "text/plain; charset=UTF-8",
                "J'ajoute : c'était vers 9h."));
        JsonObject attached = routedAndMoved(reply);
        assertThat(attached.getString("state")).isEqualTo("ATTACHED");
        assertThat(attached.getString("caseReference")).isEqualTo(ref);

        String bySubject = newId();
        MailServer.deliver(text(bySubject, "paul.durand@example.org", "Précision dossier " + ref, "Une précision."));
        assertThat(routedAndMoved(bySubject).getString("caseReference")).isEqualTo(ref);

        String stranger = newId();
        MailServer.deliver(text(stranger, "autre.personne@example.org", "Au sujet de " + ref, "Je m'immisce."));
        JsonObject notAttached = routedAndMoved(stranger);
        assertThat(notAttached.getString("state")).as("the subject alone from someone else opens a new case")
                .isEqualTo("CASE_CREATED");
        assertThat(notAttached.getString("caseReference")).isNotEqualTo(ref);
        assertThat(staffView(ref).getJsonArray("mails")).hasSize(3);
    }

    @Test
    @DisplayName("a reply to a case awaiting a complement is the complement: the case resumes")
    void complementByMail() {
        String first = newId();
        MailServer.deliver(text(first, "Nora Benali <nora.benali@example.org>", "Demande", "Accès aux images svp."));
        String ref = routedAndMoved(first).getString("caseReference");
        String end = OffsetDateTime.now(LegalCalendar.PARIS).minusDays(2).withNano(0).toString();
        String start = OffsetDateTime.parse(end).minusMinutes(30).toString();
        assertThat(Http.putJsonAs("/api/v1/requests/" + ref + "/facts", "dpo", PASSWORD, """
                {"start":"%s","end":"%s","place":"Rue Nationale, devant le n° 12"}""".formatted(start, end)).status())
                .isEqualTo(200);
        JsonObject qualify = CaseLifecycleIT.awaitTask("dpo", ref, "Task_QualifyRequest");
        Http.postAs("/api/v1/tasks/" + qualify.getString("id") + "/claim", "dpo", PASSWORD);
        assertThat(CaseLifecycleIT.complete("dpo", qualify, """
                {"identityDoubt":true,"precise":true,"regime":"GDPR_ART15",
                 "missingInformation":"Copie d'une pièce d'identité."}""").status()).isEqualTo(204);
        Await.until(() -> Optional.of(staffView(ref)).filter(v -> v.getString("status").equals("AWAITING_COMPLEMENT")),
                PATIENCE, "complement awaited");

        String complement = newId();
        MailServer.deliver(eml(complement, "nora.benali@example.org", "Re: complément " + ref,
                "In-Reply-To: <" + first + ">\r\n", "text/plain; charset=UTF-8", "Voici ma pièce d'identité."));
        assertThat(routedAndMoved(complement).getString("reason")).contains("Complément");
        JsonObject resumed = Await.until(() -> Optional.of(staffView(ref))
                .filter(v -> v.getString("status").equals("AWAITING_QUALIFICATION")), PATIENCE, "case resumed");
        assertThat(resumed.getJsonArray("complements").getJsonObject(0).getBoolean("awaited")).isTrue();
        assertThat(resumed.getJsonArray("complements").getJsonObject(0).getString("content"))
                .contains("Voici ma pièce d'identité.");
    }

    @Test
    @DisplayName("the same message delivered twice makes one case; the second is ignored as 'doublon'")
    void duplicate() {
        String id = newId();
        String message = text(id, "Jean Petit <jean.petit@example.org>", "Demande", "Accès aux images du 3 mars.");
        MailServer.deliver(message);
        MailServer.deliver(message);
        List<JsonObject> rows = rows(id, r -> r.size() == 2 && r.stream().allMatch(x -> x.getBoolean("moved")));
        assertThat(rows.stream().map(r -> r.getString("state")).toList()).containsExactly("CASE_CREATED", "IGNORED");
        assertThat(rows.get(1).getString("reason")).startsWith("doublon");
        assertThat(actions(rows.get(1))).containsExactly("MAIL_IGNORED");
        assertThat(MailServer.messageIdsIn("Regard/Ignorés")).contains(id);
    }

    @Test
    @DisplayName("automatic replies (RFC 3834, Exchange), mailing lists and our own messages: no case, no answer")
    void noLoops() {
        String rfc3834 = newId();
        String exchange = newId();
        String list = newId();
        String own = newId();
        String sender = "absent@example.org";
        MailServer.deliver(eml(rfc3834, sender, "Absent", "Auto-Submitted: auto-replied\r\n",
                "text/plain; charset=UTF-8", "Je suis absent."));
        MailServer.deliver(eml(exchange, sender, "Réponse automatique : Demande", "X-Auto-Response-Suppress: All\r\n"
                + "X-MS-Exchange-Inbox-Rules-Loop: absent@example.org\r\n", "text/plain; charset=UTF-8", "Absent."));
        MailServer.deliver(eml(list, "lettre@asso.example.org", "Lettre d'information", "List-Id: <info.asso.example.org>\r\n"
                + "List-Unsubscribe: <mailto:unsubscribe@asso.example.org>\r\n", "text/plain; charset=UTF-8", "Nouvelles."));
        MailServer.deliver(text(own, MailServer.DPO, "Copie", "Un message de Regard lui-même."));
        for (String id : List.of(rfc3834, exchange, list, own)) {
            JsonObject row = routedAndMoved(id);
            assertThat(row.getString("state")).as(id + " " + row).isEqualTo("IGNORED");
            assertThat(row.containsKey("caseReference")).isFalse();
            assertThat(row.getBoolean("noticeSent")).isFalse();
            assertThat(actions(row)).containsExactly("MAIL_RECEIVED", "MAIL_IGNORED");
        }
        assertThat(MailServer.receivedBy(sender)).isEmpty();
    }

    @Test
    @DisplayName("a bounce of one of our letters, read from the mailbox, is recorded on its case and flagged to the DPO")
    void bounceOfOurLetter() throws Exception {
        String requester = "inconnu-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String end = OffsetDateTime.now(LegalCalendar.PARIS).minusDays(1).withNano(0).toString();
        String start = OffsetDateTime.parse(end).minusMinutes(30).toString();
        Http.Reply filed = Http.postJson("/api/v1/requests", """
                {"kind":"ACCESS","requester":{"firstName":"Sam","lastName":"Retour","email":"%s"},
                 "facts":{"start":"%s","end":"%s","place":"Place Rihour, Lille"}}""".formatted(requester, start, end));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String ref = filed.json().getString("reference");
        MimeMessage acknowledgement = Await.until(() -> MailServer.receivedBy(requester).stream().findFirst(),
                PATIENCE, "the acknowledgement of " + ref);
        String original = acknowledgement.getMessageID();
        assertThat(original).startsWith("<").endsWith(">");

        String id = newId();
        MailServer.deliver(dsn(id, "MAILER-DAEMON@mx.example.org", requester, original));
        JsonObject row = routedAndMoved(id);
        assertThat(row.getString("kind")).isEqualTo("BOUNCE");
        assertThat(row.getString("state")).isEqualTo("BOUNCE_RECORDED");
        assertThat(row.getString("caseReference")).isEqualTo(ref);
        JsonObject view = staffView(ref);
        JsonObject letter = view.getJsonArray("letters").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("type").equals("ACKNOWLEDGEMENT")).findFirst().orElseThrow();
        assertThat(letter.getString("delivery")).isEqualTo("BOUNCED");
        assertThat(view.getJsonArray("flags").getString(0)).startsWith("Courriel non distribué : ")
                .contains("envoyer la lettre par la poste");
        assertThat(MailServer.receivedBy("MAILER-DAEMON@mx.example.org")).as("never answered").isEmpty();
    }

    @Test
    @DisplayName("a bounce of an unknown message is kept on its row, no case, no answer")
    void bounceOfUnknownMessage() {
        String id = newId();
        String original = "inconnu-" + UUID.randomUUID() + "@regard.mairie-lille.fr";
        MailServer.deliver(dsn(id, "MAILER-DAEMON@example.org", "nobody@example.org", "<" + original + ">"));
        JsonObject row = routedAndMoved(id);
        assertThat(row.getString("kind")).isEqualTo("BOUNCE");
        assertThat(row.getString("state")).isEqualTo("IGNORED");
        assertThat(row.getString("bounceOriginal")).isEqualTo(original);
        assertThat(row.containsKey("caseReference")).isFalse();
    }

    @Test
    @DisplayName("hostile mail: each gets a clear outcome and the reader goes on")
    void hostile() throws Exception {
        String malformed = newId();
        MailServer.deliver(("Subject: sans expéditeur\r\nMessage-ID: <" + malformed + ">\r\nContent-Type: multipart/mixed;"
                + " boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\ntronqué").getBytes(StandardCharsets.ISO_8859_1));

        String latin1 = newId();
        MailServer.deliver(("From: =?ISO-8859-1?Q?Ren=E9e_L=E9ger?= <renee.leger@example.org>\r\nTo: " + MailServer.DPO
                + "\r\nSubject: =?ISO-8859-1?Q?Cam=E9ra_de_la_gare?=\r\nMessage-ID: <" + latin1
                + ">\r\nContent-Type: text/plain\r\n\r\nJ'ai été filmée près de la gare, à l'entrée.\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        String html = newId();
        MailServer.deliver(eml(html, "html.seul@example.org", "Demande en HTML", "", "text/html; charset=UTF-8",
                "<html><body><p>Bonjour, <b>accès</b> aux images</p><script>alert('x')</script>"
                        + "<img src=\"http://tracker.example.org/p.gif\" onerror=\"steal()\"></body></html>"));

        String exe = newId();
        String boundary = "m" + UUID.randomUUID();
        MailServer.deliver(eml(exe, "piece.jointe@example.org", "Mes justificatifs", "",
                "multipart/mixed; boundary=\"" + boundary + "\"", "--" + boundary
                        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nVoici mes pièces.\r\n--" + boundary
                        + "\r\nContent-Type: application/pdf; name=\"identite.pdf\"\r\nContent-Disposition: attachment; "
                        + "filename=\"identite.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getMimeEncoder().encodeToString(("MZ\u0090\u0000" + "x".repeat(200)).getBytes(StandardCharsets.ISO_8859_1))
                        + "\r\n--" + boundary
                        + "\r\nContent-Type: application/zip; name=\"photos.zip\"\r\nContent-Disposition: attachment; "
                        + "filename=\"photos.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getMimeEncoder().encodeToString(zipBomb()) + "\r\n--" + boundary + "--"));

        String oversized = newId();
        String big = "b" + UUID.randomUUID();
        MailServer.deliver(eml(oversized, "gros.fichier@example.org", "Vidéo", "", "multipart/mixed; boundary=\"" + big
                + "\"", "--" + big + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nMa vidéo.\r\n--" + big
                + "\r\nContent-Type: video/mp4; name=\"video.mp4\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(new byte[26 * 1024 * 1024]) + "\r\n--" + big + "--"));

        JsonObject malformedRow = routedAndMoved(malformed);
        assertThat(malformedRow.getString("state")).isEqualTo("REJECTED");
        assertThat(actions(malformedRow)).contains("MAIL_REJECTED");
        assertThat(MailServer.messageIdsIn("Regard/Rejetés")).contains(malformed);

        JsonObject latin1View = staffView(routedAndMoved(latin1).getString("caseReference"));
        assertThat(latin1View.getJsonObject("requester").getString("firstName")).isEqualTo("Renée");
        assertThat(latin1View.getJsonArray("mails").getJsonObject(0).getString("subject")).isEqualTo("Caméra de la gare");
        assertThat(latin1View.getJsonArray("mails").getJsonObject(0).getString("text")).contains("été filmée");

        JsonObject htmlMail = staffView(routedAndMoved(html).getString("caseReference")).getJsonArray("mails").getJsonObject(0);
        assertThat(htmlMail.getString("safeHtml")).contains("accès").doesNotContain("<script", "onerror", "<img",
                "tracker.example.org");
        assertThat(htmlMail.getString("text")).contains("accès aux images").doesNotContain("alert");

        JsonObject exeRow = routedAndMoved(exe);
        assertThat(exeRow.getString("state")).isEqualTo("CASE_CREATED");
        assertThat(exeRow.getBoolean("noticeSent")).as("the sender is told which files were refused").isTrue();
        List<JsonObject> attachments = staffView(exeRow.getString("caseReference")).getJsonArray("mails")
                .getJsonObject(0).getJsonArray("attachments").getValuesAs(JsonObject.class);
        assertThat(attachments).hasSize(2).allSatisfy(a -> {
            assertThat(a.getBoolean("accepted")).isFalse();
            assertThat(a.getString("refusal")).isNotBlank();
        });

        JsonObject tooLarge = routedAndMoved(oversized);
        assertThat(tooLarge.getString("state")).isEqualTo("REJECTED");
        assertThat(tooLarge.getString("reason")).contains("Mo").contains("l'expéditeur en a été informé");
        assertThat(tooLarge.getBoolean("noticeSent")).isTrue();

        // the reader is still alive: a normal message afterwards is processed
        String after = newId();
        MailServer.deliver(text(after, "apres.coup@example.org", "Demande", "Une demande normale."));
        assertThat(routedAndMoved(after).getString("state")).isEqualTo("CASE_CREATED");
    }

    @Test
    @DisplayName("mail the server never announces (no EXISTS, as GreenMail under a race) is still read, within an IDLE bound")
    void unannouncedMail() {
        Await.until(() -> Optional.of(mailStatus()).filter(s -> s.getString("state").equals("UP")), PATIENCE,
                "the reader reading");
        String id = newId();
        MailServer.deliverUnannounced(text(id, "Sans Annonce <sans.annonce@example.org>", "Demande d'accès",
                "Bonjour, je demande les images du 3 mars vers 14h30 rue Nationale."));
        assertThat(MailServer.messageIdsIn("INBOX")).as("the message is in INBOX").contains(id);
        JsonObject row = routedAndMoved(id);
        assertThat(row.getString("state")).isEqualTo("CASE_CREATED");
        assertThat(MailServer.messageIdsIn("Regard/Traités")).contains(id);
        assertThat(MailServer.messageIdsIn("INBOX")).doesNotContain(id);
    }

    @Test
    @DisplayName("once its mail is read and moved, the reader rests in IDLE: it does not turn round its loop")
    void restsWhenIdle() throws Exception {
        String id = newId();
        MailServer.deliver(text(id, "Au Repos <au.repos@example.org>", "Demande", "Une demande."));
        routedAndMoved(id);
        long before = reader().getJsonNumber("turns").longValue();
        Thread.sleep(10_000);
        long after = reader().getJsonNumber("turns").longValue();
        // IDLE is bounded to 25 s: at most one turn ends in 10 s, two if the message's own turn was still ending
        assertThat(after - before).as("turns of the reader in 10 s with nothing to read").isLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("routing interrupted before its commit, as by a crash: nothing of it remains, the stored mail is routed once later")
    void routingInterrupted() {
        Await.until(() -> Optional.of(mailStatus()).filter(s -> s.getString("state").equals("UP")), PATIENCE,
                "the reader reading");
        long casesBefore = counts(null).getJsonNumber("allCases").longValue();
        int interruptedBefore = reader().getInt("interruptedRoutings");
        assertThat(Http.postJson(PROBE + "/fail-routing?seconds=10", "{}").status()).isEqualTo(200);
        String id = newId();
        String address = "coupure." + id.substring(0, 8) + "@example.org";
        MailServer.deliver(text(id, "Paul Coupure <" + address + ">", "Demande d'accès",
                "Bonjour, j'ai été filmé hier vers 9h place du Théâtre. Je demande les images."));

        Await.until(() -> Optional.of(reader()).filter(r -> r.getInt("interruptedRoutings") > interruptedBefore),
                PATIENCE, "a routing interrupted");
        JsonObject stored = rows(id, r -> r.size() == 1).get(0);
        assertThat(stored.getString("state")).as("stored, not routed").isEqualTo("RECEIVED");
        assertThat(stored.containsKey("caseReference")).isFalse();
        assertThat(actions(stored)).as("the .eml hash is journalled before routing").containsExactly("MAIL_RECEIVED");
        assertThat(counts(null).getJsonNumber("allCases").longValue()).as("no half-written case")
                .isEqualTo(casesBefore);
        assertThat(MailServer.messageIdsIn("INBOX")).as("left in INBOX").contains(id);

        JsonObject routed = routedAndMoved(id);
        assertThat(routed.getString("state")).isEqualTo("CASE_CREATED");
        assertThat(routed.getJsonNumber("id").longValue()).as("the same row, routed from the stored .eml")
                .isEqualTo(stored.getJsonNumber("id").longValue());
        assertThat(actions(routed)).containsExactly("MAIL_RECEIVED", "MAIL_ATTACHED");
        String ref = routed.getString("caseReference");
        JsonObject counts = counts(ref);
        assertThat(counts.getInt("cases")).isEqualTo(1);
        assertThat(counts.getInt("processInstances")).isEqualTo(1);
        assertThat(counts.getJsonNumber("allCases").longValue()).isEqualTo(casesBefore + 1);
        List<String> journal = journalOf(ref).stream().map(e -> e.getString("action")).toList();
        assertThat(journal.stream().filter("CASE_RECEIVED"::equals)).as(journal.toString()).hasSize(1);
        // the mails of the interrupted routing were rolled back with it: one tracking link, one acknowledgement
        List<String> letters = Await.until(() -> {
            List<String> kinds = MailServer.receivedBy(address).stream()
                    .map(m -> MailOutboxIT.header(m, "X-Regard-Letter")).toList();
            return kinds.containsAll(List.of("TRACKING_LINK", "ACKNOWLEDGEMENT")) ? Optional.of(kinds) : Optional.empty();
        }, PATIENCE, "the mails of " + ref);
        assertThat(letters).containsExactlyInAnyOrder("TRACKING_LINK", "ACKNOWLEDGEMENT");
    }

    @Test
    @DisplayName("large mail at the production limits: a 6 MiB PDF accepted and downloadable (journalled), an 11 MiB file refused with the sender told")
    void largeAttachments() throws Exception {
        byte[] pdf = new byte[6 * 1024 * 1024];
        new java.util.Random(7).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 9);
        String id = newId();
        String boundary = "b" + UUID.randomUUID();
        MailServer.deliver(eml(id, "Grand Envoi <grand.envoi@example.org>", "Demande et justificatifs", "",
                "multipart/mixed; boundary=\"" + boundary + "\"", "--" + boundary
                        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nMa demande, avec mes justificatifs.\r\n--"
                        + boundary + "\r\nContent-Type: application/pdf; name=\"piece d'identité.pdf\"\r\n"
                        + "Content-Disposition: attachment; filename*=UTF-8''piece%20d%27identit%C3%A9.pdf\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(pdf)
                        + "\r\n--" + boundary + "\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\n"
                        + "Content-Disposition: attachment; filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64"
                        + "\r\n\r\n" + Base64.getMimeEncoder().encodeToString(huge) + "\r\n--" + boundary + "--"));

        JsonObject row = routedAndMoved(id);
        assertThat(row.getString("state")).isEqualTo("CASE_CREATED");
        assertThat(row.getBoolean("noticeSent")).as("the sender is told the 11 MiB file was refused").isTrue();
        String ref = row.getString("caseReference");
        List<JsonObject> attachments = staffView(ref).getJsonArray("mails").getJsonObject(0).getJsonArray("attachments")
                .getValuesAs(JsonObject.class);
        assertThat(attachments).hasSize(2);
        JsonObject accepted = attachments.get(0);
        assertThat(accepted.getBoolean("accepted")).isTrue();
        assertThat(accepted.getString("fileName")).isEqualTo("piece d'identité.pdf");
        assertThat(accepted.getString("sha256")).isEqualTo(sha256(pdf));
        JsonObject refused = attachments.get(1);
        assertThat(refused.getBoolean("accepted")).isFalse();
        assertThat(refused.getString("refusal")).contains("Mo");
        assertThat(refused.containsKey("url")).as("a refused file is not stored").isFalse();

        Http.Bytes download = Http.bytesAs(accepted.getString("url"), "dpo", PASSWORD);
        assertThat(download.status()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(sha256(pdf));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename*=UTF-8''piece%20d%27identit%C3%A9.pdf");
        assertThat(Http.get(accepted.getString("url")).status()).as("staff only").isEqualTo(401);
        assertThat(Http.get(accepted.getString("url").replace(sha256(pdf), refused.getString("sha256")), "dpo",
                PASSWORD).status()).as("the refused file cannot be fetched").isEqualTo(404);
        assertThat(journalOf(ref)).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("MAIL_ATTACHMENT_DOWNLOADED");
            assertThat(e.getString("actor")).isEqualTo("dpo");
        });
    }

    static List<JsonObject> journalOf(String reference) {
        return Http.get("/" + RegardDeployment.PROBE + "/journal?object=" + reference).json().getJsonArray("entries")
                .getValuesAs(JsonObject.class);
    }

    static JsonObject reader() {
        return Http.get(PROBE + "/reader").json();
    }

    static JsonObject counts(String reference) {
        return Http.get("/" + RegardDeployment.PROBE + "/counts" + (reference == null ? "" : "?reference=" + reference))
                .json();
    }

    @Test
    @DisplayName("a move that fails is retried without routing again: one case, the message ends in its folder")
    void moveFailure() {
        Await.until(() -> Optional.of(mailStatus()).filter(s -> s.getString("state").equals("UP")), PATIENCE,
                "the reader reading");
        // longer than the IDLE bound (25 s): a message whose EXISTS GreenMail loses is read within it, still failing
        assertThat(Http.postJson(PROBE + "/fail-moves?seconds=40", "{}").status()).isEqualTo(200);
        String id = newId();
        MailServer.deliver(text(id, "Marc Lenoir <marc.lenoir@example.org>", "Demande", "Accès svp."));
        JsonObject failed = rows(id, r -> r.size() == 1 && r.get(0).containsKey("moveError")).get(0);
        assertThat(failed.getString("state")).isEqualTo("CASE_CREATED");
        assertThat(failed.getBoolean("moved")).isFalse();
        assertThat(MailServer.messageIdsIn("INBOX")).as("never deleted before it is copied").contains(id);
        JsonObject moved = routedAndMoved(id);
        assertThat(moved.getString("caseReference")).isEqualTo(failed.getString("caseReference"));
        assertThat(actions(moved)).containsExactly("MAIL_RECEIVED", "MAIL_ATTACHED");
        assertThat(MailServer.messageIdsIn("Regard/Traités")).contains(id);
        assertThat(MailServer.messageIdsIn("INBOX")).doesNotContain(id);
    }

    @Test
    @DisplayName("an outage of the mail server: the reader says so in French, retries, and reads what came meanwhile once")
    void outageAndRecovery() {
        MailServer.stop();
        try {
            JsonObject failing = Await.until(() -> Optional.of(mailStatus())
                    .filter(s -> s.getString("state").equals("FAILING")), PATIENCE, "the outage seen");
            assertThat(failing.getString("summary")).contains("injoignable");
            assertThat(failing.getString("lastError")).contains("IMAP");
        } finally {
            MailServer.start();
        }
        String id = newId();
        MailServer.deliver(text(id, "Apres Panne <apres.panne@example.org>", "Demande", "Écrit pendant la panne."));
        assertThat(routedAndMoved(id).getString("state")).isEqualTo("CASE_CREATED");
        JsonObject up = Await.until(() -> Optional.of(mailStatus())
                .filter(s -> s.getString("state").equals("UP")), PATIENCE, "recovery");
        assertThat(up.containsKey("failingSince")).isFalse();
        assertThat(Http.get("/api/v1/mail/status", "operator", PASSWORD).status()).isEqualTo(403);
    }

    static JsonObject mailStatus() {
        Http.Reply r = Http.get("/api/v1/mail/status", "dpo", PASSWORD);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** A small zip whose one entry inflates to 50 MiB of zeros. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
