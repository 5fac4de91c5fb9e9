package fr.regard.mail.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MailClassificationTest {

    static Stream<Arguments> headerSets() {
        return Stream.of(
                // own messages come first, whatever else they carry
                arguments("From: Regard <Regard@Mairie-Lille.fr>|Auto-Submitted: auto-generated", "Objet",
                        MailKind.OWN_MESSAGE, "adresse de Regard elle-même (regard@mairie-lille.fr)"),
                arguments("X-Regard-Letter: LT-2026-000012|List-Id: <dpo.lille>", "Courrier",
                        MailKind.OWN_MESSAGE, "X-Regard-Letter"),
                arguments("Message-ID: <letter.42@Regard.Mairie-Lille.fr>", "Copie",
                        MailKind.OWN_MESSAGE, "@regard.mairie-lille.fr"),
                // bounces
                arguments("From: Mail Delivery System <MAILER-DAEMON@smtp.orange.fr>", "Undelivered Mail Returned to Sender",
                        MailKind.BOUNCE, "mailer-daemon@smtp.orange.fr"),
                arguments("From: postmaster@outlook.com|Auto-Submitted: auto-replied", "Non remis : votre demande",
                        MailKind.BOUNCE, "postmaster@outlook.com"),
                arguments("Return-Path: <>|From: serveur@relais.fr", "Échec de la remise du message",
                        MailKind.BOUNCE, "Return-Path vide"),
                // automatic replies (RFC 3834 and vendors)
                arguments("Auto-Submitted: auto-replied; owner-email=\"x@y.fr\"", "Absent",
                        MailKind.AUTO_REPLY, "Réponse automatique (Auto-Submitted: auto-replied)"),
                arguments("Auto-Submitted: auto-generated", "Accusé de réception",
                        MailKind.AUTO_REPLY, "Auto-Submitted: auto-generated"),
                arguments("X-Autoreply: yes", "Je suis absent", MailKind.AUTO_REPLY, "X-Autoreply: yes"),
                arguments("X-Autorespond: Message d'absence", "Absent", MailKind.AUTO_REPLY, "X-Autorespond"),
                arguments("Precedence: auto_reply", "Absent", MailKind.AUTO_REPLY, "Precedence: auto_reply"),
                arguments("Precedence: bulk", "Promotion", MailKind.AUTO_REPLY, "Precedence: bulk"),
                arguments("Precedence: junk", "Promotion", MailKind.AUTO_REPLY, "Precedence: junk"),
                arguments("X-Auto-Response-Suppress: All|X-MS-Has-Attach:|Thread-Topic: Demande",
                        "Réponse automatique : Demande d'accès", MailKind.AUTO_REPLY, "X-Auto-Response-Suppress: All"),
                arguments("X-Auto-Response-Suppress: DR, OOF, AutoReply", "Absence du bureau : Demande",
                        MailKind.AUTO_REPLY, "OOF"),
                arguments("X-MS-Exchange-Organization-AutoReplyType: OOF|Thread-Topic: x", "Automatic reply: Votre dossier",
                        MailKind.AUTO_REPLY, "Exchange"),
                arguments("X-MS-Has-Attach:", "Out of Office: request", MailKind.AUTO_REPLY, "Exchange"),
                arguments("X-Loop: regard@mairie-lille.fr", "Re: Re: Re: votre demande", MailKind.AUTO_REPLY, "Boucle"),
                arguments("Return-Path: <>", "Merci pour votre message", MailKind.AUTO_REPLY, "Return-Path vide"),
                // lists
                arguments("List-Id: Lettre de la métropole <lettre.metropole.fr>", "Newsletter", MailKind.MAILING_LIST, "List-Id"),
                arguments("List-Unsubscribe: <mailto:unsub@x.fr>", "Offre", MailKind.MAILING_LIST, "List-Unsubscribe"),
                arguments("Precedence: list", "[asso] réunion", MailKind.MAILING_LIST, "Precedence: list"),
                // humans: a subject alone is not enough, "no" is a human
                arguments("Auto-Submitted: no", "Demande", MailKind.NEW_OR_REPLY, "à traiter"),
                arguments("X-Mailer: Thunderbird", "Réponse automatique ? Non, c'est moi", MailKind.NEW_OR_REPLY, "à traiter"),
                arguments("X-Mailer: Apple Mail", "Absence du bureau de mon fils filmée", MailKind.NEW_OR_REPLY, "à traiter"),
                arguments("In-Reply-To: <ack.1@regard.mairie-lille.fr>", "Re: DA-2026-000042", MailKind.NEW_OR_REPLY, "à traiter"));
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("headerSets")
    void classifiesByHeaders(String headers, String subject, MailKind kind, String reasonPart) {
        StringBuilder raw = new StringBuilder();
        boolean hasFrom = false;
        boolean hasId = false;
        for (String h : headers.split("\\|")) {
            raw.append(h).append("\r\n");
            hasFrom |= h.startsWith("From:");
            hasId |= h.startsWith("Message-ID:");
        }
        if (!hasFrom) {
            raw.append("From: Jeanne <jeanne@exemple.fr>\r\n");
        }
        if (!hasId) {
            raw.append("Message-ID: <m1@exemple.fr>\r\n");
        }
        raw.append("Subject: ").append(subject).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nCorps\r\n");
        ReceivedMail mail = Mails.parse(raw.toString());
        assertThat(mail.kind()).isEqualTo(kind);
        assertThat(mail.kindReason()).contains(reasonPart);
        assertThat(mail.mayBeAnswered()).isEqualTo(kind == MailKind.NEW_OR_REPLY);
    }

    @Test
    void readsAStandardDeliveryStatusNotification() {
        String raw = "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\n"
                + "To: protectiondesdonnees@mairie-lille.fr\r\nSubject: Delivery Status Notification (Failure)\r\n"
                + "Auto-Submitted: auto-replied\r\nMessage-ID: <dsn1@mx.google.com>\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\r\n\r\n"
                + "--R\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nAdresse introuvable.\r\n"
                + "--R\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; googlemail.com\r\n\r\n"
                + "Final-Recipient: rfc822; Jean.Inconnu@gmail.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does\r\n not exist.\r\n\r\n"
                + "--R\r\nContent-Type: message/rfc822\r\n\r\n"
                + "From: protectiondesdonnees@mairie-lille.fr\r\nTo: jean.inconnu@gmail.com\r\n"
                + "Message-ID: <letter.77@regard.mairie-lille.fr>\r\nSubject: Votre demande\r\n\r\nBonjour\r\n--R--\r\n";
        ReceivedMail mail = Mails.parse(raw);
        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.kindReason()).contains("report-type=delivery-status");
        assertThat(mail.bounce()).isEqualTo(new BounceInfo("letter.77@regard.mairie-lille.fr", "jean.inconnu@gmail.com",
                "5.1.1", "smtp; 550-5.1.1 The email account that you tried to reach does not exist."));
        assertThat(mail.bounce().permanent()).isTrue();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.mayBeAnswered()).isFalse();
    }

    @Test
    void readsADeliveryStatusWithHeadersOnlyPart() {
        String raw = "From: postmaster@free.fr\r\nSubject: Undeliverable\r\n"
                + "Content-Type: multipart/report; report-type=\"delivery-status\"; boundary=R\r\n\r\n"
                + "--R\r\nContent-Type: text/plain\r\n\r\nEchec\r\n"
                + "--R\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822;a@free.fr\r\nStatus: 4.2.2\r\n\r\n"
                + "--R\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <l.1@regard.mairie-lille.fr>\r\nSubject: x\r\n\r\n--R--\r\n";
        BounceInfo bounce = Mails.parse(raw).bounce();
        assertThat(bounce).isEqualTo(new BounceInfo("l.1@regard.mairie-lille.fr", "a@free.fr", "4.2.2", null));
        assertThat(bounce.permanent()).isFalse();
    }

    @Test
    void readsAPlainTextBounceBestEffort() {
        String raw = "From: MAILER-DAEMON@mail.wanadoo.fr\r\nReturn-Path: <>\r\nSubject: failure notice\r\n"
                + "In-Reply-To: <ack.3@regard.mairie-lille.fr>\r\n\r\n"
                + "Hi. This is the qmail-send program.\r\n<marie.durand@wanadoo.fr>:\r\n"
                + "550 5.1.1 <marie.durand@wanadoo.fr>: Recipient address rejected\r\n";
        ReceivedMail mail = Mails.parse(raw);
        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.bounce()).isEqualTo(new BounceInfo("ack.3@regard.mairie-lille.fr", "marie.durand@wanadoo.fr",
                "5.1.1", "550 5.1.1 <marie.durand@wanadoo.fr>: Recipient address rejected"));
    }

    @Test
    void topLevelDeliveryStatusIsABounce() {
        ReceivedMail mail = Mails.parse("From: relais@exemple.fr\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Final-Recipient: rfc822; x@y.fr\r\nStatus: 5.0.0\r\n");
        assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.bounce().failedRecipient()).isEqualTo("x@y.fr");
        assertThat(mail.bounce().status()).isEqualTo("5.0.0");
    }
}
