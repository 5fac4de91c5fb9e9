package fr.regard.intake.application;

import fr.regard.cases.domain.IntakeChannel;
import fr.regard.cases.domain.Requester;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a request must say to be taken in. Deliberately lenient on time: facts older than the charter window or
 * the retention are accepted (the case is flagged later and answered, never silently dropped).
 */
final class RequestRules {

    /** Clocks of a browser or a mail server may run a little ahead of ours. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    static final int MAX_ADDRESS_LINES = 6;
    static final int MAX_ADDRESS_LINE = 100;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern REGISTERED_MAIL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{3,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private RequestRules() {
    }

    static List<FieldViolation> check(NewRequest request, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.kind() == null) {
            violations.add(new FieldViolation("kind", "Le type de demande est obligatoire."));
        }
        text(violations, "requester.firstName", request.firstName(), 100, true);
        text(violations, "requester.lastName", request.lastName(), 100, true);
        boolean byPost = request.channel() == IntakeChannel.LETTER;
        boolean hasAddress = request.postalAddress().stream().anyMatch(l -> !l.isBlank());
        text(violations, "requester.email", request.email(), 254, !byPost);
        if (byPost && !hasAddress && (request.email() == null || request.email().isBlank())) {
            violations.add(new FieldViolation("requester.postalAddress", "Indiquez l'adresse postale de l'expéditeur "
                    + "(ou son adresse électronique) : la réponse doit pouvoir lui parvenir."));
        }
        postalAddress(violations, request.postalAddress());
        if (request.language() != null && !Requester.LANGUAGES.contains(request.language())) {
            violations.add(new FieldViolation("requester.language", "Langue non prise en charge : « fr » (français) "
                    + "ou « en » (anglais)."));
        }
        registeredMail(violations, request, now);
        if (request.email() != null && !request.email().isBlank() && !EMAIL.matcher(request.email().strip()).matches()) {
            violations.add(new FieldViolation("requester.email", "L'adresse électronique n'est pas valide."));
        }
        boolean provisional = factsToConfirm(request);
        text(violations, "facts.place", request.place(), 500, !provisional);
        text(violations, "facts.description", request.description(), 4000, false);
        if (provisional) {
            return violations;
        }
        Instant latest = now.plus(CLOCK_TOLERANCE);
        if (request.factsStart() == null) {
            violations.add(new FieldViolation("facts.start", "Le début des faits est obligatoire."));
        } else if (request.factsStart().isAfter(latest)) {
            violations.add(new FieldViolation("facts.start", "Le début des faits ne peut pas être dans le futur."));
        }
        if (request.factsEnd() == null) {
            violations.add(new FieldViolation("facts.end", "La fin des faits est obligatoire."));
        } else {
            if (request.factsEnd().isAfter(latest)) {
                violations.add(new FieldViolation("facts.end", "La fin des faits ne peut pas être dans le futur."));
            }
            if (request.factsStart() != null && request.factsEnd().isBefore(request.factsStart())) {
                violations.add(new FieldViolation("facts.end", "La fin des faits précède leur début."));
            }
        }
        return violations;
    }

    /**
     * An e-mail gives no reliable facts window: with neither start nor end, the case opens on provisional facts that
     * the DPO confirms (docs/mail.md). Other channels always state the facts.
     */
    static boolean factsToConfirm(NewRequest request) {
        return request.channel() == IntakeChannel.EMAIL && request.factsStart() == null && request.factsEnd() == null;
    }

    private static void postalAddress(List<FieldViolation> violations, List<String> lines) {
        List<String> given = lines.stream().filter(l -> !l.isBlank()).toList();
        if (given.isEmpty()) {
            return;
        }
        if (given.size() < 2 || lines.size() > MAX_ADDRESS_LINES) {
            violations.add(new FieldViolation("requester.postalAddress", "L'adresse postale compte de 2 à "
                    + MAX_ADDRESS_LINES + " lignes (voie, puis code postal et commune)."));
        }
        for (String line : given) {
            if (line.strip().length() > MAX_ADDRESS_LINE || CONTROL.matcher(line).find()) {
                violations.add(new FieldViolation("requester.postalAddress", "Chaque ligne de l'adresse compte au plus "
                        + MAX_ADDRESS_LINE + " caractères, sans retour à la ligne."));
                return;
            }
        }
    }

    private static void registeredMail(List<FieldViolation> violations, NewRequest request, Instant now) {
        String number = request.registeredMailNumber();
        if (number != null && !number.isBlank()) {
            if (request.channel() != IntakeChannel.LETTER) {
                violations.add(new FieldViolation("registeredMailNumber", "Seule une demande reçue par courrier a un "
                        + "numéro de lettre recommandée."));
            } else if (!REGISTERED_MAIL.matcher(number.strip()).matches()) {
                violations.add(new FieldViolation("registeredMailNumber", "Numéro de lettre recommandée non valide "
                        + "(lettres, chiffres et espaces, 4 à 40 caractères)."));
            }
        }
        if (request.channel() == IntakeChannel.LETTER && request.receivedAt() == null) {
            violations.add(new FieldViolation("receivedAt", "La date de réception (avis de réception de la lettre "
                    + "recommandée) est obligatoire : elle fait courir les délais."));
        }
        if (request.receivedAt() != null && request.receivedAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            violations.add(new FieldViolation("receivedAt", "La date de réception ne peut pas être dans le futur."));
        }
    }

    private static void text(List<FieldViolation> violations, String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "Ce champ est obligatoire."));
            }
        } else if (value.strip().length() > maxLength) {
            violations.add(new FieldViolation(field, "Ce champ dépasse " + maxLength + " caractères."));
        }
    }
}
