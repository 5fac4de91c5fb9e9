package fr.regard.mail.content;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decides the {@link MailKind} of a message from its headers, in this order: our own message (never answer
 * ourselves), bounce (it carries information about a letter we sent), automatic reply, mailing list; anything else
 * is a human message. A message wrongly taken for an automatic one would leave a citizen unanswered, so the weak
 * signs (a subject alone) count only together with another sign.
 */
final class MailClassifier {

    /** A kind and the French reason shown to the DPO. */
    record Verdict(MailKind kind, String reason) {
    }

    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^\\s*(réponse automatique|reponse automatique|absence du bureau|message d'absence|out of office|"
                    + "automatic reply|auto-?reply|autosvar|abwesenheitsnotiz|auto:)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(undeliver|undelivered|delivery status notification|delivery failure|mail delivery failed|"
                    + "returned mail|non remis|échec de (la )?remise|echec de (la )?remise|non distribuable|"
                    + "failure notice|delivery has failed)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon)@.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private MailClassifier() {
    }

    /**
     * @param header      raw value of a header (first occurrence), null when absent
     * @param from        sender address, lower case, or null
     * @param contentType the top-level Content-Type, lower case
     * @param subject     the decoded subject
     */
    static Verdict classify(Function<String, String> header, String from, String contentType, String subject,
                            String messageIdDomain, Set<String> ownAddresses, Set<String> ownMessageIdDomains) {
        if (header.apply("X-Regard-Letter") != null) {
            return new Verdict(MailKind.OWN_MESSAGE, "Message envoyé par Regard (en-tête X-Regard-Letter)");
        }
        if (from != null && containsIgnoreCase(ownAddresses, from)) {
            return new Verdict(MailKind.OWN_MESSAGE, "Message envoyé par l'adresse de Regard elle-même (" + from + ")");
        }
        if (messageIdDomain != null && containsIgnoreCase(ownMessageIdDomains, messageIdDomain)) {
            return new Verdict(MailKind.OWN_MESSAGE, "Message créé par Regard (identifiant de message @" + messageIdDomain + ")");
        }

        String returnPath = value(header, "Return-Path");
        boolean nullSender = returnPath != null && returnPath.replaceAll("\\s", "").equals("<>");
        if (contentType.startsWith("multipart/report") && contentType.replace("\"", "").contains("report-type=delivery-status")) {
            return new Verdict(MailKind.BOUNCE, "Avis de non-remise (multipart/report; report-type=delivery-status)");
        }
        if (contentType.startsWith("message/delivery-status")) {
            return new Verdict(MailKind.BOUNCE, "Avis de non-remise (Content-Type: message/delivery-status)");
        }
        if (from != null && DAEMON.matcher(from).matches()) {
            return new Verdict(MailKind.BOUNCE, "Avis de non-remise (expéditeur " + from + ")");
        }
        if (nullSender && BOUNCE_SUBJECT.matcher(subject).find()) {
            return new Verdict(MailKind.BOUNCE, "Avis de non-remise (Return-Path vide, objet « " + subject + " »)");
        }

        String autoSubmitted = value(header, "Auto-Submitted");
        if (autoSubmitted != null) {
            String token = autoSubmitted.split("[;(\\s]", 2)[0].toLowerCase(Locale.ROOT);
            if (!token.isEmpty() && !token.equals("no")) {
                return new Verdict(MailKind.AUTO_REPLY, "Réponse automatique (Auto-Submitted: " + token + ")");
            }
        }
        for (String vendor : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder"}) {
            String v = value(header, vendor);
            if (v != null && !v.equalsIgnoreCase("no")) {
                return new Verdict(MailKind.AUTO_REPLY, "Réponse automatique (" + vendor + ": " + v + ")");
            }
        }
        String precedence = lower(value(header, "Precedence"));
        if (precedence != null && Set.of("auto_reply", "bulk", "junk").contains(precedence)) {
            return new Verdict(MailKind.AUTO_REPLY, "Message automatique (Precedence: " + precedence + ")");
        }
        String suppress = lower(value(header, "X-Auto-Response-Suppress"));
        boolean exchange = header.apply("X-MS-Exchange-Organization-AuthAs") != null
                || header.apply("X-MS-Has-Attach") != null || header.apply("Thread-Topic") != null
                || header.apply("X-MS-Exchange-Organization-AutoReplyType") != null || suppress != null;
        if (suppress != null && (suppress.contains("oof") || suppress.contains("all"))
                && AUTO_SUBJECT.matcher(subject).find()) {
            return new Verdict(MailKind.AUTO_REPLY, "Réponse automatique (X-Auto-Response-Suppress: "
                    + value(header, "X-Auto-Response-Suppress") + ", objet « " + subject + " »)");
        }
        if (exchange && AUTO_SUBJECT.matcher(subject).find()) {
            return new Verdict(MailKind.AUTO_REPLY, "Réponse automatique (Exchange, objet « " + subject + " »)");
        }
        String loop = lower(value(header, "X-Loop"));
        if (loop != null && (loop.contains("regard") || ownAddresses.stream().anyMatch(a -> loop.contains(a.toLowerCase(Locale.ROOT))))) {
            return new Verdict(MailKind.AUTO_REPLY, "Boucle de messagerie (X-Loop: " + loop + ")");
        }
        if (nullSender) {
            return new Verdict(MailKind.AUTO_REPLY, "Message automatique (Return-Path vide : <>)");
        }

        if (header.apply("List-Id") != null) {
            return new Verdict(MailKind.MAILING_LIST, "Liste de diffusion (List-Id: " + value(header, "List-Id") + ")");
        }
        if (header.apply("List-Unsubscribe") != null) {
            return new Verdict(MailKind.MAILING_LIST, "Lettre d'information ou liste de diffusion (List-Unsubscribe)");
        }
        if ("list".equals(precedence)) {
            return new Verdict(MailKind.MAILING_LIST, "Liste de diffusion (Precedence: list)");
        }
        return new Verdict(MailKind.NEW_OR_REPLY, "Message d'une personne, à traiter");
    }

    private static String value(Function<String, String> header, String name) {
        String raw = header.apply(name);
        if (raw == null) {
            return null;
        }
        return TextDecoding.truncate(TextDecoding.headerText(raw), 200);
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean containsIgnoreCase(Set<String> set, String value) {
        for (String s : set) {
            if (s != null && s.trim().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
