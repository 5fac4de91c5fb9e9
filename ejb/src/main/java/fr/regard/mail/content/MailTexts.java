package fr.regard.mail.content;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The French texts of the mail parser: for the DPO (reasons) and for the sender (explanations). */
final class MailTexts {

    private MailTexts() {
    }

    /** {@code 26214400} → "25 Mo", {@code 32715571} → "31,2 Mo" (Mo = 1 048 576 octets, as mail clients count). */
    static String megabytes(long bytes) {
        BigDecimal mo = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return mo.toPlainString().replace('.', ',') + " Mo";
    }

    static String tooLargeExplanation(long size, MailLimits limits) {
        return "Votre message (" + megabytes(size) + ") dépasse " + megabytes(limits.maxMessageBytes())
                + ", la taille maximale que notre service peut recevoir ; il n'a pas pu être enregistré. "
                + "Merci de nous l'envoyer à nouveau sans les pièces jointes les plus volumineuses, ou de les répartir "
                + "sur plusieurs messages (au plus " + limits.maxAttachments() + " pièces jointes de "
                + megabytes(limits.maxAttachmentBytes()) + " chacune). Vous pouvez aussi déposer votre demande "
                + "avec le formulaire en ligne. Nous vous prions de nous excuser pour ce désagrément.";
    }

    static String malformedExplanation() {
        return "Votre message n'a pas pu être lu : il nous est parvenu incomplet ou dans un format que notre "
                + "service ne reconnaît pas. Merci de nous l'envoyer à nouveau, si possible depuis une autre "
                + "messagerie, ou de déposer votre demande avec le formulaire en ligne. Nous vous prions de nous "
                + "excuser pour ce désagrément.";
    }
}
