package fr.regard.correspondence.infrastructure;

import fr.regard.platform.application.PublicUrls;
import fr.regard.correspondence.domain.LetterType;
import fr.regard.documents.domain.DocumentLanguage;

/**
 * The e-mail that carries a letter (docs/mail.md "Letters by e-mail and by post"): subject {@code [reference] title}
 * (the reference routes replies back to the case), a short polite French text (an English one after it when the
 * requester writes English) saying the sealed PDF is attached and where to check it and follow the request.
 */
final class LetterMails {

    private LetterMails() {
    }

    static String subject(String reference, LetterType type) {
        return "[" + reference + "] " + type.title();
    }

    static String fileName(String reference, LetterType type) {
        return reference + "-" + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".pdf";
    }

    /**
     * @param name       the requester's name as the letter addresses them
     * @param publicUrl  Regard's public address (verification, tracking)
     * @param controller the controller's name (Ville de Lille)
     */
    static String body(String reference, LetterType type, String name, String publicUrl, String controller,
                       String dpoEmail, DocumentLanguage language) {
        String verify = PublicUrls.base(publicUrl) + "/api/v1/documents/verify";
        String tracking = LetterDocuments.trackingPage(publicUrl);
        StringBuilder text = new StringBuilder()
                .append(name == null || name.isBlank() ? "Madame, Monsieur," : "Bonjour " + name.strip() + ",")
                .append("\n\n")
                .append("Vous trouverez ci-joint le courrier « ").append(type.title())
                .append(" » concernant votre demande ").append(reference).append(".\n\n")
                .append("Ce courrier est un document PDF scellé électroniquement par ").append(controller)
                .append(". Vous pouvez vérifier qu'il est authentique et intact en le déposant sur ").append(verify)
                .append(" (service de vérification public).\n\n")
                .append("Vous pouvez suivre votre demande à tout moment sur ").append(tracking)
                .append(" avec le lien personnel qui vous a été remis lors de son enregistrement.\n\n")
                .append("Pour nous répondre, répondez simplement à ce message en conservant la référence [")
                .append(reference).append("] dans l'objet.\n\n")
                .append("Nous vous prions d'agréer nos salutations distinguées.\n\n")
                .append("Le délégué à la protection des données\n").append(controller).append("\n").append(dpoEmail)
                .append("\n\n")
                .append("Ce message a été envoyé automatiquement par Regard, le service de gestion des demandes "
                        + "d'accès aux images de vidéoprotection.\n");
        if (language == DocumentLanguage.EN) {
            text.append("\n---\n\n")
                    .append("Please find attached our letter regarding your request ").append(reference)
                    .append(". It is a PDF sealed electronically by ").append(controller)
                    .append("; you can check it at ").append(verify).append(". You can follow your request at ")
                    .append(tracking).append(" with your personal link. To answer, reply to this message and keep [")
                    .append(reference).append("] in the subject.\n");
        }
        return text.toString();
    }
}
