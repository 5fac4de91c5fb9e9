package fr.regard.mail.intake;

import fr.regard.cases.application.CaseConsultation;
import fr.regard.documents.registry.BlobStore;
import fr.regard.journal.domain.Journal;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * What the staff view of a case shows of its e-mail: messages (sanitised HTML only), attachments, suggestions; and the
 * downloads of an original message or an accepted attachment, each journalled on the case (who, when, which bytes).
 */
@ApplicationScoped
public class CaseMailQueries {

    @Inject
    MailRecords records;

    @Inject
    MailIntake intake;

    @Inject
    BlobStore documents;

    @Inject
    Journal journal;

    /** Bytes to hand to a staff member, with the name and type to give them. */
    public record Download(String fileName, String contentType, byte[] bytes) {
    }

    public List<MailRecords.CaseMailRow> mails(String reference) {
        return records.mailsOf(reference);
    }

    public List<MailRecords.SuggestionRow> suggestions(String reference) {
        return records.suggestionsOf(reference);
    }

    /** The original .eml of a message attached to the case, byte for byte as received; the download journalled. */
    @Transactional
    public Optional<byte[]> original(String reference, long mailMessageId, String staffMember, String role) {
        return records.originalOf(reference, mailMessageId).flatMap(sha -> intake.emls().get(sha).map(bytes -> {
            journal.record(downloaded(JournalActions.MAIL_ORIGINAL_DOWNLOADED, reference, mailMessageId, sha,
                    staffMember, role));
            return bytes;
        }));
    }

    /**
     * An accepted attachment of a message attached to the case (refused ones were never stored); the download
     * journalled. Its type is the one detected from its bytes, not the one the sender declared.
     */
    @Transactional
    public Optional<Download> attachment(String reference, long mailMessageId, String sha256, String staffMember,
                                         String role) {
        return records.acceptedAttachmentOf(reference, mailMessageId, sha256).flatMap(a -> documents.get(a.sha256())
                .map(bytes -> {
                    journal.record(downloaded(JournalActions.MAIL_ATTACHMENT_DOWNLOADED, reference, mailMessageId,
                            a.sha256(), staffMember, role).withDetail("fileName", a.fileName()));
                    return new Download(a.fileName(), a.detectedType(), bytes);
                }));
    }

    private static JournalEvent downloaded(String action, String reference, long mailMessageId, String sha256,
                                           String staffMember, String role) {
        return JournalEvent.onCase(staffMember, role, action, reference).withPurpose(CaseConsultation.PURPOSE_HANDLING)
                .withDetail("mail", String.valueOf(mailMessageId)).withDetail("sha256", sha256);
    }
}
