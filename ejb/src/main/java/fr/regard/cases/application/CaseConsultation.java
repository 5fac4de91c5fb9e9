package fr.regard.cases.application;

import fr.regard.cases.domain.CaseReference;
import fr.regard.cases.domain.CaseRepository;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A staff member opens a case: the consultation of personal data is journalled (loi 78-17 Titre III) in the same
 * transaction as the read, with who, in which role and why.
 */
@Stateless
public class CaseConsultation {

    /** Purpose of an ordinary consultation by staff. */
    public static final String PURPOSE_HANDLING = "Instruction de la demande";

    @Inject
    CaseRepository cases;

    @Inject
    Journal journal;

    @Inject
    CaseQueries queries;

    public Optional<CaseView> open(String reference, String staffMember, String role) {
        if (!CaseReference.isWellFormed(reference)) {
            return Optional.empty();
        }
        Optional<CaseView> view = cases.findByReference(new CaseReference(reference)).map(queries::staffView);
        view.ifPresent(v -> journal.record(JournalEvent.onCase(staffMember, role, JournalActions.CASE_VIEWED, reference)
                .withPurpose(PURPOSE_HANDLING)));
        return view;
    }
}
