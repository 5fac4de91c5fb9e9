package fr.regard.mail.intake;

import fr.regard.mail.content.MailAttachment;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The French texts the reader writes to senders (through the outbox) and to the DPO. */
final class MailTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private MailTexts() {
    }

    static String rejectionNotice(String explanation, Instant receivedAt) {
        return "Bonjour,\n\nNous avons bien reçu votre message du " + WHEN.format(receivedAt) + ".\n\n" + explanation
                + "\n\nCeci est un message automatique : merci de ne pas y répondre pour renvoyer votre demande, "
                + "écrivez-nous un nouveau message.\n\nLe délégué à la protection des données\n";
    }

    /**
     * The personal tracking link of a request received by e-mail: the only message that carries it (Regard keeps only
     * its hash in the case), so that the requester can follow the case and download the copy of the footage.
     */
    static String trackingLink(String reference, String trackingUrl) {
        return "Bonjour,\n\nVotre demande d'accès aux images de vidéoprotection est enregistrée sous la référence "
                + reference + ". Un accusé de réception vous est adressé séparément.\n\nVous pouvez suivre son "
                + "avancement, et y télécharger les documents et, le cas échéant, la copie des images, à l'adresse "
                + "personnelle suivante :\n\n" + trackingUrl + "\n\nCe lien est secret : ne le communiquez pas. "
                + "Il n'est envoyé qu'une fois.\n\nPour compléter votre demande, répondez simplement à ce message en "
                + "rappelant la référence " + reference + ".\n\nLe délégué à la protection des données\n";
    }

    static String refusedAttachments(String reference, List<MailAttachment> refused) {
        StringBuilder text = new StringBuilder("Bonjour,\n\nVotre message a été enregistré dans le dossier ")
                .append(reference).append(". Les pièces jointes suivantes n'ont pas été retenues :\n\n");
        for (MailAttachment a : refused) {
            text.append("- ").append(a.fileName() == null || a.fileName().isBlank() ? "(sans nom)" : a.fileName())
                    .append(" : ").append(a.refusal() == null ? "refusée" : a.refusal()).append('\n');
        }
        return text.append("\nSi ces documents sont utiles à votre demande, envoyez-les à nouveau dans un format "
                + "courant (PDF, image JPEG ou PNG), sans archive compressée, en rappelant la référence ")
                .append(reference).append(" dans l'objet.\n\nLe délégué à la protection des données\n").toString();
    }

    static String tooLargeReason(long size, long limit) {
        return "Message refusé : " + megabytes(size) + ", au-delà de la limite de " + megabytes(limit)
                + " (seuls les en-têtes ont été lus)";
    }

    static String tooLargeExplanation(long size, long limit) {
        return "Votre message pèse " + megabytes(size) + " : il dépasse la taille de " + megabytes(limit)
                + " que notre service accepte, et n'a donc pas été enregistré. Envoyez-le à nouveau sans les pièces "
                + "jointes les plus lourdes (ou en plusieurs messages), ou déposez votre demande avec le formulaire "
                + "en ligne.";
    }

    /** 26214400 → "25 Mo". */
    static String megabytes(long bytes) {
        double mo = bytes / (1024.0 * 1024.0);
        String text = mo >= 10 || mo == Math.rint(mo) ? String.valueOf(Math.round(mo))
                : String.format(Locale.FRENCH, "%.1f", mo);
        return text + " Mo";
    }
}
