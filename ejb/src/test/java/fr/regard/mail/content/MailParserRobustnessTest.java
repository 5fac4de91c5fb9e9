package fr.regard.mail.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MailParserRobustnessTest {

    private static final String SAMPLE = Mails.withAttachments("Bonjour, le 3 mars vers 14h30 rue Nationale.",
            "photo.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3},
            "a.zip", "application/zip", Mails.zip("x.txt", "y".getBytes()));

    private static void assertWellFormedValue(ReceivedMail mail) {
        assertThat(mail).isNotNull();
        assertThat(mail.kind()).isNotNull();
        assertThat(mail.kindReason()).isNotBlank();
        if (mail.kind() == MailKind.REJECTED) {
            assertThat(mail.rejection()).isNotNull();
            assertThat(mail.rejection().explanation()).isNotBlank();
        }
    }

    @Test
    void emptyAndNullInputsAreMalformed() {
        for (byte[] raw : new byte[][] {null, new byte[0]}) {
            ReceivedMail mail = MailParser.parse(raw, null, null, null);
            assertThat(mail.kind()).isEqualTo(MailKind.REJECTED);
            assertThat(mail.rejection().reason()).isEqualTo(RejectionReason.MALFORMED);
            assertThat(mail.kindReason()).isEqualTo("Message vide");
            assertThat(mail.mayBeAnswered()).isFalse();
        }
    }

    @Test
    void aMessageWithoutSenderIsMalformed() {
        ReceivedMail mail = Mails.parse("Subject: test\r\n\r\ncorps");
        assertThat(mail.kind()).isEqualTo(MailKind.REJECTED);
        assertThat(mail.rejection().reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(mail.rejection().explanation()).startsWith("Votre message n'a pas pu être lu");
        assertThat(mail.subject()).isEqualTo("test");
    }

    @Test
    @Timeout(60)
    void randomBytesNeverThrow() {
        Random random = new Random(20260310);
        for (int i = 0; i < 3000; i++) {
            byte[] raw = new byte[random.nextInt(2000)];
            random.nextBytes(raw);
            ReceivedMail mail = Mails.parse(raw);
            assertWellFormedValue(mail);
            assertThat(mail.kind()).isEqualTo(MailKind.REJECTED);
        }
    }

    @Test
    @Timeout(120)
    void truncatedAndMutatedMessagesNeverThrow() {
        byte[] sample = SAMPLE.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= sample.length; cut += 7) {
            assertWellFormedValue(Mails.parse(java.util.Arrays.copyOf(sample, cut)));
        }
        Random random = new Random(42);
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = sample.clone();
            for (int flips = random.nextInt(20) + 1; flips > 0; flips--) {
                int at = random.nextInt(mutated.length);
                mutated[at] = switch (random.nextInt(4)) {
                    case 0 -> (byte) random.nextInt(256);
                    case 1 -> '\n';
                    case 2 -> '-';
                    default -> '"';
                };
            }
            assertWellFormedValue(Mails.parse(mutated));
        }
    }

    @Test
    @Timeout(30)
    void hostileStructuresNeverThrow() {
        StringBuilder deep = new StringBuilder("From: a@b.fr\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
        for (int i = 1; i < 3000; i++) {
            deep.append("--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n");
        }
        assertWellFormedValue(Mails.parse(deep.toString()));

        StringBuilder wide = new StringBuilder("From: a@b.fr\r\nContent-Type: multipart/mixed; boundary=w\r\n\r\n");
        for (int i = 0; i < 5000; i++) {
            wide.append("--w\r\nContent-Type: application/octet-stream; name=f").append(i).append(".bin\r\n\r\nx\r\n");
        }
        ReceivedMail many = Mails.parse(wide.append("--w--\r\n").toString());
        assertThat(many.acceptedAttachments()).hasSize(10);
        assertThat(many.attachments()).hasSizeLessThanOrEqualTo(MimeWalker.MAX_PARTS);

        assertWellFormedValue(Mails.parse("From: a@b.fr\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\n\r\n"));
        assertWellFormedValue(Mails.parse("From: a@b.fr\r\nContent-Type: ;;;===\"\r\nContent-Transfer-Encoding: x-weird\r\n\r\nabc"));
        assertWellFormedValue(Mails.parse("From: a@b.fr\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@!!!"));
        assertWellFormedValue(Mails.parse("\r\n\r\n\r\n"));
        assertWellFormedValue(Mails.parse("From:\r\nSubject: =?utf-8?B?####?=\r\n\r\n"));
    }

    @Test
    void aTooLargeMessageIsRejectedFromItsHeadersAlone() {
        MailLimits limits = new MailLimits(1000, 500, 10, 100_000, 1000, 100, 100L << 20, 5);
        String body = "x".repeat(5000);
        ReceivedMail mail = MailParser.parse(Mails.plain("Demande DA-2026-000003", body).raw(StandardCharsets.UTF_8),
                limits, Mails.OWN, Mails.OWN_DOMAINS);
        assertThat(mail.kind()).isEqualTo(MailKind.REJECTED);
        assertThat(mail.rejection().reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(mail.rejection().headerKind()).isEqualTo(MailKind.NEW_OR_REPLY);
        assertThat(mail.from()).isEqualTo("chloe.martin@example.fr");
        assertThat(mail.caseReferenceInSubject()).hasToString("DA-2026-000003");
        assertThat(mail.textBody()).isEmpty();
        assertThat(mail.mayBeAnswered()).isTrue();
        assertThat(mail.kindReason()).startsWith("Message refusé : ").contains("seuls les en-têtes ont été lus");

        ReceivedMail auto = MailParser.parse(Mails.plain("Absent", body, "Auto-Submitted: auto-replied")
                .raw(StandardCharsets.UTF_8), limits, Mails.OWN, Mails.OWN_DOMAINS);
        assertThat(auto.kind()).isEqualTo(MailKind.REJECTED);
        assertThat(auto.rejection().headerKind()).isEqualTo(MailKind.AUTO_REPLY);
        assertThat(auto.mayBeAnswered()).isFalse();
        assertThat(auto.kindReason()).contains("Réponse automatique (Auto-Submitted: auto-replied) : aucun avis envoyé");
    }

    @Test
    void theTooLargeExplanationIsPoliteAndSaysWhatToDo() {
        assertThat(MailTexts.tooLargeExplanation(32_715_571L, MailLimits.defaults())).isEqualTo(
                "Votre message (31,2 Mo) dépasse 25 Mo, la taille maximale que notre service peut recevoir ; il n'a pas "
                        + "pu être enregistré. Merci de nous l'envoyer à nouveau sans les pièces jointes les plus volumineuses, "
                        + "ou de les répartir sur plusieurs messages (au plus 10 pièces jointes de 10 Mo chacune). Vous pouvez "
                        + "aussi déposer votre demande avec le formulaire en ligne. Nous vous prions de nous excuser pour ce désagrément.");
    }

    @Test
    void headersOfAHugeMessageAreFoundWithoutReadingTheBody() {
        byte[] raw = ("From: a@b.fr\nSubject: s\n\n" + "y".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(MailParser.headersOnly(raw), StandardCharsets.US_ASCII)).isEqualTo("From: a@b.fr\nSubject: s\n");
    }
}
