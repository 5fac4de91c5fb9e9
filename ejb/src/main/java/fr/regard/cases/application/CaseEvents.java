package fr.regard.cases.application;

import fr.regard.cases.domain.AccessCase;
import fr.regard.journal.domain.JournalEvent;
import java.time.Instant;

/** Journal events about a case, by the system (a process step) or by a person. */
final class CaseEvents {

    static final String SYSTEM = "system";
    static final String REQUESTER = "requester";

    private CaseEvents() {
    }

    static JournalEvent bySystem(String action, AccessCase accessCase, String purpose) {
        return JournalEvent.onCase(SYSTEM, SYSTEM, action, accessCase.reference().value()).withPurpose(purpose);
    }

    static JournalEvent byRequester(String action, AccessCase accessCase) {
        return JournalEvent.onCase(REQUESTER, REQUESTER, action, accessCase.reference().value())
                .withPurpose("Exercice du droit d'accès par la personne concernée");
    }

    static JournalEvent byStaff(String actor, String role, String action, AccessCase accessCase, String purpose) {
        return JournalEvent.onCase(actor, role, action, accessCase.reference().value()).withPurpose(purpose);
    }

    static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
