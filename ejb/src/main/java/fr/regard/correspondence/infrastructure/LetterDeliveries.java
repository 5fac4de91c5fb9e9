package fr.regard.correspondence.infrastructure;

import fr.regard.calendar.domain.LegalCalendar;
import fr.regard.cases.application.ActionRefusedException;
import fr.regard.cases.application.InvalidCommandException;
import fr.regard.cases.domain.RuleViolation;
import fr.regard.correspondence.domain.Letter;
import fr.regard.correspondence.domain.LetterDelivery;
import fr.regard.documents.registry.DocumentRegistry;
import fr.regard.documents.registry.IssuedDocument;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import fr.regard.mail.outbox.MailDeliveryChanged;
import fr.regard.mail.outbox.OutboxState;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The real delivery of letters (docs/mail.md "Letters by e-mail and by post"): what the outbox reports of a letter's
 * e-mail (sent, failed, bounced), and the postal channel staff record — the printable sealed PDF, the posting by
 * registered mail (number, date), then its delivery or its return. Every postal step is journalled on the case.
 */
@Stateless
public class LetterDeliveries {

    static final String PURPOSE = "Correspondance avec le demandeur par la poste";
    /** La Poste's registered-mail numbers: "1A 123 456 7890 1", international "RR 123 456 789 FR" (spaces optional). */
    private static final Pattern REGISTERED_NUMBER = Pattern.compile("[0-9A-Z]{8,20}");

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Inject
    Journal journal;

    @Inject
    DocumentRegistry registry;

    Clock clock = Clock.systemUTC();

    /** The sealed PDF of a letter and the letter, for printing. */
    public record Printable(Letter letter, IssuedDocument document, byte[] content) {
    }

    /** The outbox's report on a letter's e-mail, in the outbox's transaction. */
    public void onMail(@Observes MailDeliveryChanged change) {
        if (change.letterId() == null) {
            return;
        }
        LetterRecord letter = em.find(LetterRecord.class, change.letterId());
        if (letter == null) {
            return;
        }
        LetterDelivery reported = change.bounced() ? LetterDelivery.BOUNCED
                : change.state() == OutboxState.SENT ? LetterDelivery.SENT : LetterDelivery.FAILED;
        letter.mailReport(reported, change.at(), change.note());
    }

    /** The sealed PDF of an issued letter, journalled as a staff download for printing. */
    public Printable printable(long letterId, String staffMember, String role) {
        LetterRecord letter = find(letterId, false);
        if (letter.documentId() == null) {
            throw new ActionRefusedException(ActionRefusedException.Reason.CONFLICT, "letter-not-issued",
                    "Ce courrier n'a pas été émis (voir la note du registre) : il n'y a pas de document à imprimer.");
        }
        IssuedDocument document = registry.byId(letter.documentId()).orElseThrow();
        journal.record(JournalEvent.onCase(staffMember, role, JournalActions.DOCUMENT_DOWNLOADED, letter.caseReference())
                .withPurpose(PURPOSE)
                .withDetail("documentId", String.valueOf(document.id()))
                .withDetail("documentType", document.type())
                .withDetail("letterId", String.valueOf(letterId))
                .withDetail("use", "PRINT"));
        return new Printable(letter.toLetter(), document, registry.content(document));
    }

    /** Records the posting of a letter by registered mail: POSTED, journalled LETTER_POSTED. */
    public Letter posted(long letterId, String registeredMailNumber, String postedOn, String staffMember, String role) {
        List<RuleViolation> violations = new ArrayList<>();
        String number = registeredNumber(registeredMailNumber, violations);
        LocalDate day = day("postedOn", postedOn, true, violations);
        LetterRecord letter = find(letterId, true);
        if (day != null && day.isBefore(letter.toLetter().preparedAt().atZone(LegalCalendar.PARIS).toLocalDate())) {
            violations.add(new RuleViolation("postedOn", "Le courrier ne peut pas avoir été posté avant d'être émis."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        if (letter.delivery() == LetterDelivery.NONE) {
            throw new ActionRefusedException(ActionRefusedException.Reason.CONFLICT, "letter-not-issued",
                    "Ce courrier n'a pas été émis : il ne peut pas être posté.");
        }
        if (!letter.delivery().mayBePosted()) {
            throw new ActionRefusedException(ActionRefusedException.Reason.CONFLICT, "letter-already-posted",
                    "L'envoi postal de ce courrier est déjà enregistré (" + letter.delivery().label() + ").");
        }
        letter.posted(number, day, now(), staffMember);
        journal.record(event(letter, staffMember, role, JournalActions.LETTER_POSTED)
                .withDetail("registeredMailNumber", number)
                .withDetail("postedOn", day.toString()));
        return letter.toLetter();
    }

    /**
     * Records the outcome of a posted letter: delivered on {@code deliveredOn}, or returned ({@code returned}: the
     * post's reason, e.g. "NPAI", on {@code returnedOn}, default today). Exactly one of the two.
     */
    public Letter postalOutcome(long letterId, String deliveredOn, String returned, String returnedOn,
                                String staffMember, String role) {
        List<RuleViolation> violations = new ArrayList<>();
        boolean isReturn = returned != null;
        if (isReturn && deliveredOn != null) {
            violations.add(new RuleViolation("returned", "Indiquez soit la date de distribution (deliveredOn), soit le "
                    + "motif du retour (returned), pas les deux."));
        }
        if (isReturn && returned.isBlank()) {
            violations.add(new RuleViolation("returned", "Motif du retour requis, par exemple « NPAI » (n'habite pas à "
                    + "l'adresse indiquée)."));
        }
        if (isReturn && returned.strip().length() > 300) {
            violations.add(new RuleViolation("returned", "Motif du retour trop long (300 caractères au plus)."));
        }
        LocalDate day = isReturn ? (returnedOn == null ? LocalDate.now(clock.withZone(LegalCalendar.PARIS))
                : day("returnedOn", returnedOn, true, violations))
                : day("deliveredOn", deliveredOn, true, violations);
        LetterRecord letter = find(letterId, true);
        if (letter.delivery() != LetterDelivery.POSTED) {
            if (!violations.isEmpty()) {
                throw new InvalidCommandException(violations);
            }
            throw new ActionRefusedException(ActionRefusedException.Reason.CONFLICT, "letter-not-posted",
                    "Ce courrier n'est pas en cours d'acheminement postal (" + letter.delivery().label()
                            + ") : enregistrez d'abord son dépôt en recommandé.");
        }
        if (day != null && letter.postedOn() != null && day.isBefore(letter.postedOn())) {
            violations.add(new RuleViolation(isReturn ? "returnedOn" : "deliveredOn",
                    "La date ne peut pas précéder le dépôt à la poste (" + letter.postedOn() + ")."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        String reason = isReturn ? returned.strip() : null;
        letter.postalOutcome(day, reason, now(), staffMember);
        JournalEvent event = event(letter, staffMember, role, JournalActions.LETTER_DELIVERED)
                .withDetail("outcome", isReturn ? "RETURNED" : "DELIVERED")
                .withDetail(isReturn ? "returnedOn" : "deliveredOn", day.toString());
        journal.record(isReturn ? event.withDetail("returned", reason) : event);
        return letter.toLetter();
    }

    private LetterRecord find(long letterId, boolean lock) {
        LetterRecord letter = lock ? em.find(LetterRecord.class, letterId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(LetterRecord.class, letterId);
        if (letter == null) {
            throw new ActionRefusedException(ActionRefusedException.Reason.NOT_FOUND, "letter-not-found",
                    "Aucun courrier ne porte le numéro " + letterId + ".");
        }
        return letter;
    }

    private static JournalEvent event(LetterRecord letter, String staffMember, String role, String action) {
        return JournalEvent.onCase(staffMember, role, action, letter.caseReference())
                .withPurpose(PURPOSE)
                .withDetail("letterId", String.valueOf(letter.id()))
                .withDetail("letterType", letter.type().name());
    }

    private static String registeredNumber(String value, List<RuleViolation> violations) {
        String compact = value == null ? "" : value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!REGISTERED_NUMBER.matcher(compact).matches()) {
            violations.add(new RuleViolation("registeredMailNumber", "Numéro de recommandé requis : 8 à 20 lettres "
                    + "ou chiffres, par exemple « 1A 123 456 7890 1 »."));
            return null;
        }
        return value.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** A day YYYY-MM-DD, required, not in the future (Europe/Paris). */
    private LocalDate day(String field, String value, boolean required, List<RuleViolation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new RuleViolation(field, "Date requise, au format AAAA-MM-JJ."));
            }
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.isAfter(LocalDate.now(clock.withZone(LegalCalendar.PARIS)))) {
                violations.add(new RuleViolation(field, "La date ne peut pas être dans le futur."));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            violations.add(new RuleViolation(field, "Date au format AAAA-MM-JJ attendue, par exemple 2026-03-14."));
            return null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
