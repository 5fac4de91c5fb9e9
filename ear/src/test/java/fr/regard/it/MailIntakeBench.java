package fr.regard.it;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test (runs only with -Pbench): 1,000 e-mails → 1,000 cases through the real IMAP reader
 * (GreenMail in this JVM, the server's mail session), against the baseline of the same 1,000 requests filed through
 * {@code POST /api/v1/requests} in the same run. Both create the case, its process and its hold on every camera; the
 * mail path adds the .eml store and hash, parsing, suggestions, the move to "Regard/Traités" and the tracking-link
 * mail. Timed until the last case exists. Figures: target/bench-mail-intake.txt and docs/performance.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIntakeBench {

    private static final int MESSAGES = Integer.getInteger("regard.bench.mail.messages", 1000);

    private final StringBuilder report = new StringBuilder();

    @Deployment(testable = false)
    static EnterpriseArchive regard() {
        return RegardDeployment.withProbe();
    }

    @Test
    void thousandMessagesToCases() throws Exception {
        MailServer.start();
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", database " + Http.get("/" + RegardDeployment.PROBE
                + "/database").json().getString("product") + ", load average " + loadAverage());
        String end = OffsetDateTime.now().minusDays(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String start = OffsetDateTime.parse(end).minusMinutes(20).toString();

        long t0 = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            Http.Reply filed = Http.postJson("/api/v1/requests", RequestApiIT.request("ACCESS", start, end));
            if (filed.status() != 201) {
                throw new IllegalStateException(filed.status() + " " + filed.body());
            }
        }
        double rest = seconds(t0);
        line(String.format("baseline REST: %,d requests → cases in %.1f s = %,.0f requests/min", MESSAGES, rest,
                MESSAGES / rest * 60));

        String run = Long.toString(System.currentTimeMillis(), 36);
        t0 = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            MailServer.deliver(("From: Personne Banc " + i + " <banc-" + i + "@example.org>\r\nTo: " + MailServer.DPO
                    + "\r\nSubject: Demande d'accès aux images\r\nMessage-ID: <" + run + "-" + i
                    + "@bench.example.org>\r\nDate: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    OffsetDateTime.now()) + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + "Bonjour, j'ai été filmé hier vers 14h30 rue Nationale à Lille. Je demande l'accès aux images.\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        double delivered = seconds(t0);
        long cases;
        do {
            Thread.sleep(500);
            cases = count("update mail_message set state = state where state = 'CASE_CREATED' and message_id like '"
                    + run + "-%@bench.example.org'");
        } while (cases < MESSAGES && seconds(t0) < 3600);
        double mail = seconds(t0);
        line(String.format("mail: %,d messages delivered by SMTP in %.1f s; all %,d cases created after %.1f s = %,.0f "
                + "messages/min", MESSAGES, delivered, cases, mail, cases / mail * 60));
        line(String.format("mail / REST: %.2f x", mail / rest));
        line("load average at the end: " + loadAverage());
        Files.writeString(Path.of("target/bench-mail-intake.txt"), report);
        if (cases < MESSAGES) {
            throw new AssertionError("only " + cases + " of " + MESSAGES + " messages became cases within an hour");
        }
    }

    private static long count(String update) {
        Http.Reply reply = Http.post("/" + RegardDeployment.PROBE + "/sql", "text/plain", update);
        JsonObject json = reply.json();
        if (!"executed".equals(json.getString("outcome"))) {
            throw new IllegalStateException(reply.body());
        }
        return json.getJsonNumber("count").longValue();
    }

    private void line(String text) {
        System.out.println("[bench] " + text);
        report.append(text).append('\n');
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
