package fr.regard.mail.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** What the staff view of a case shows of its e-mail: messages (sanitised HTML only), attachments, suggestions. */
@ApplicationScoped
public class CaseMailQueries {

    @Inject
    MailRecords records;

    @Inject
    MailIntake intake;

    public List<MailRecords.CaseMailRow> mails(String reference) {
        return records.mailsOf(reference);
    }

    public List<MailRecords.SuggestionRow> suggestions(String reference) {
        return records.suggestionsOf(reference);
    }

    /** The original .eml of a message attached to the case, byte for byte as received. */
    public Optional<byte[]> original(String reference, long mailMessageId) {
        return records.originalOf(reference, mailMessageId).flatMap(sha -> intake.emls().get(sha));
    }
}
