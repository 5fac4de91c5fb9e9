package fr.regard.mail.content;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MailParserTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String FRENCH = "Le 3 mars, j'étais à la gare ; reçu œuvre 12 €.";

    @Test
    void readsTheHeaderFieldsOfAPlainMessage() {
        ReceivedMail mail = Mails.plain("Re: Votre demande DA-2026-000042", "Bonjour,\r\nmerci.\r\n",
                "In-Reply-To: <ack.7@regard.mairie-lille.fr> (accusé)",
                "References: <first@x.fr>\r\n <ack.7@regard.mairie-lille.fr>",
                "Reply-To: Autre <Autre@Example.fr>", "Cc: a@b.fr, \"B\" <B@C.FR>").parse();

        assertThat(mail.kind()).isEqualTo(MailKind.NEW_OR_REPLY);
        assertThat(mail.kindReason()).isEqualTo("Message d'une personne, à traiter");
        assertThat(mail.messageId()).isEqualTo("abc.123@mail.example.fr");
        assertThat(mail.inReplyTo()).isEqualTo("ack.7@regard.mairie-lille.fr");
        assertThat(mail.references()).containsExactly("first@x.fr", "ack.7@regard.mairie-lille.fr");
        assertThat(mail.from()).isEqualTo("chloe.martin@example.fr");
        assertThat(mail.fromName()).isEqualTo("Chloé Martin");
        assertThat(mail.replyTo()).isEqualTo("autre@example.fr");
        assertThat(mail.answerAddress()).isEqualTo("autre@example.fr");
        assertThat(mail.to()).containsExactly("protectiondesdonnees@mairie-lille.fr");
        assertThat(mail.cc()).containsExactly("a@b.fr", "b@c.fr");
        assertThat(mail.date()).isEqualTo(Instant.parse("2026-03-10T08:15:00Z"));
        assertThat(mail.subject()).isEqualTo("Re: Votre demande DA-2026-000042");
        assertThat(mail.caseReferenceInSubject()).hasToString("DA-2026-000042");
        assertThat(mail.textBody()).isEqualTo("Bonjour,\nmerci.");
        assertThat(mail.safeHtml()).isNull();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.bounce()).isNull();
        assertThat(mail.rejection()).isNull();
        assertThat(mail.mayBeAnswered()).isTrue();
    }

    @Test
    void findsCaseReferencesInAnyCaseAndIgnoresLookAlikes() {
        assertThat(MailParser.caseReference("TR: vd-2026-000001 suite")).hasToString("VD-2026-000001");
        assertThat(MailParser.caseReference("XX-2026-000001 et DA-26-000001")).isNull();
        assertThat(MailParser.caseReference("ref DA-2026-12345")).isNull();
    }

    @Test
    void decodesUtf8BodyDeclaredAsLatin1() {
        ReceivedMail mail = Mails.parse(Mails.concat(("From: a@b.fr\r\nSubject: x\r\n"
                + "Content-Type: text/plain; charset=iso-8859-1\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                FRENCH.getBytes(StandardCharsets.UTF_8)));
        assertThat(mail.textBody()).isEqualTo(FRENCH);
    }

    @Test
    void decodesWindows1252BodyWithoutCharset() {
        ReceivedMail mail = Mails.parse(Mails.concat(("From: a@b.fr\r\nSubject: x\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII), FRENCH.getBytes(CP1252)));
        assertThat(mail.textBody()).isEqualTo(FRENCH);
    }

    @Test
    void decodesWindows1252BodyMislabelledUtf8OrLatin1() {
        for (String label : new String[] {"utf-8", "iso-8859-1", "x-unknown", "\"utf8\""}) {
            ReceivedMail mail = Mails.parse(Mails.concat(("From: a@b.fr\r\nSubject: x\r\n"
                    + "Content-Type: text/plain; charset=" + label + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                    FRENCH.getBytes(CP1252)));
            assertThat(mail.textBody()).as(label).isEqualTo(FRENCH);
        }
    }

    @Test
    void keepsAnotherDeclaredCharsetAndIso885915() {
        String russian = "Здравствуйте";
        ReceivedMail koi = Mails.parse(Mails.concat(("From: a@b.fr\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), russian.getBytes(Charset.forName("KOI8-R"))));
        assertThat(koi.textBody()).isEqualTo(russian);
        ReceivedMail euro = Mails.parse(Mails.concat(("From: a@b.fr\r\nContent-Type: text/plain; charset=iso-8859-15\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), "12 € œuvre".getBytes(Charset.forName("ISO-8859-15"))));
        assertThat(euro.textBody()).isEqualTo("12 € œuvre");
    }

    @Test
    void decodesQuotedPrintableAndBase64Bodies() {
        ReceivedMail qp = Mails.parse("From: a@b.fr\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nJ'=C3=A9tais l=C3=A0 =E2=82=AC=\r\n suite\r\n");
        assertThat(qp.textBody()).isEqualTo("J'étais là € suite");
        ReceivedMail b64 = Mails.parse("From: a@b.fr\r\nContent-Type: text/plain; charset=windows-1252\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString("ça œ €".getBytes(CP1252)) + "\r\n");
        assertThat(b64.textBody()).isEqualTo("ça œ €");
    }

    @Test
    void decodesSubjectsWhateverTheirEncoding() {
        assertThat(MailParser.subject("=?iso-8859-1?Q?R=E9ponse_=E0_votre_demande?=")).isEqualTo("Réponse à votre demande");
        assertThat(MailParser.subject("=?UTF-8?B?w4kgw6AgY29tbWUgw6d1?= =?UTF-8?Q?_=C5=93_=E2=82=AC?="))
                .isEqualTo("É à comme çu œ €");
        // raw 8-bit UTF-8 and windows-1252 (headers are read one char per byte)
        assertThat(MailParser.subject(new String("Caméra à la gare".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
                .isEqualTo("Caméra à la gare");
        assertThat(MailParser.subject(new String("Reçu 5 € œuf".getBytes(CP1252), StandardCharsets.ISO_8859_1)))
                .isEqualTo("Reçu 5 € œuf");
        // unknown charset label, UTF-8 bytes declared Latin-1, charset with RFC 2231 language
        assertThat(MailParser.subject("=?unknown-8bit?Q?d=C3=A9j=C3=A0?=")).isEqualTo("déjà");
        assertThat(MailParser.subject("=?iso-8859-1?Q?d=C3=A9j=C3=A0?=")).isEqualTo("déjà");
        assertThat(MailParser.subject("=?utf-8*fr?Q?=C3=A9t=C3=A9?=")).isEqualTo("été");
        // control and bidi characters, folding
        assertThat(MailParser.subject("a\u0007b\u202Ec\r\n\td")).isEqualTo("abc d");
        assertThat(MailParser.subject("x".repeat(5000))).hasSize(998);
        assertThat(MailParser.subject(null)).isEmpty();
    }

    @Test
    void htmlOnlyMessageGivesTextAndSanitisedHtml() {
        String html = "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
                + "<p onclick=\"steal()\">Bonjour, j'ai été filmé <b>rue Nationale</b>.</p>"
                + "<img src=\"https://tracker.example/pixel.gif\"><p>Voir <a href=\"https://example.fr/x\" target=_blank>ici</a>"
                + " et <a href=\"javascript:alert(2)\">là</a><br>Merci</p><iframe src=\"https://evil\"></iframe></body></html>";
        ReceivedMail mail = Mails.parse("From: a@b.fr\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html);

        assertThat(mail.textBody()).isEqualTo("Bonjour, j'ai été filmé rue Nationale.\n\nVoir ici et là\nMerci");
        assertThat(mail.safeHtml()).contains("<b>rue Nationale</b>")
                .contains("<a href=\"https://example.fr/x\" rel=\"nofollow noopener noreferrer\">ici</a>")
                .doesNotContain("script", "alert", "onclick", "img", "tracker", "iframe", "style", "javascript", "target");
    }

    @Test
    void alternativeMessageTakesTextFromPlainAndHtmlForDisplay() {
        String raw = "From: a@b.fr\r\nContent-Type: multipart/alternative; boundary=b1\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTexte brut é\r\n"
                + "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Texte <i>riche</i> é</p>\r\n--b1--\r\n";
        ReceivedMail mail = Mails.parse(raw);
        assertThat(mail.textBody()).isEqualTo("Texte brut é");
        assertThat(mail.safeHtml()).isEqualTo("<p>Texte <i>riche</i> é</p>");
    }

    @Test
    void cutsLongTextsAtTheLimit() {
        MailLimits limits = new MailLimits(25L << 20, 10L << 20, 10, 50, 1000, 100, 100L << 20, 5);
        ReceivedMail mail = MailParser.parse(("From: a@b.fr\r\n\r\n" + "é".repeat(200)).getBytes(StandardCharsets.UTF_8),
                limits, Mails.OWN, Mails.OWN_DOMAINS);
        assertThat(mail.textBody()).hasSize(50);
    }

    @Test
    void toleratesBrokenAddressesAndDates() {
        ReceivedMail mail = Mails.parse("From: Jean Dupont <jean.dupont@@exemple..fr>, \"unbalanced <x@y.fr>\r\n"
                + "Date: le 3 mars vers midi\r\nSubject: test\r\n\r\ncorps\r\n");
        assertThat(mail.kind()).isIn(MailKind.NEW_OR_REPLY, MailKind.REJECTED);
        assertThat(mail.date()).isNull();
        ReceivedMail raw8bit = Mails.parse(Mails.concat("From: ".getBytes(StandardCharsets.US_ASCII),
                "Zoé Lefèvre <zoe@exemple.fr>\r\n\r\nx".getBytes(StandardCharsets.UTF_8)));
        assertThat(raw8bit.from()).isEqualTo("zoe@exemple.fr");
        assertThat(raw8bit.fromName()).isEqualTo("Zoé Lefèvre");
    }
}
