package fr.regard.mail.intake;

import fr.regard.mail.content.MailKind;
import fr.regard.mail.content.MailLimits;
import fr.regard.mail.content.ReceivedMail;
import fr.regard.mail.content.Rejection;
import fr.regard.mail.content.RejectionReason;
import java.util.List;

/**
 * A message larger than the limit is fetched headers only (its body never crosses the network); the parser reads
 * those headers (who sent it, whether it is automatic) and this turns the result into a TOO_LARGE rejection with
 * the real size. Seam until the parser takes the announced size itself (asked of mail-content).
 */
final class TooLarge {

    private TooLarge() {
    }

    static ReceivedMail of(ReceivedMail headers, long size, MailLimits limits) {
        MailKind headerKind = headers.kind() == MailKind.REJECTED && headers.rejection() != null
                ? headers.rejection().headerKind() : headers.kind();
        if (headers.kind() == MailKind.REJECTED && headers.from() == null) {
            headerKind = MailKind.REJECTED;
        }
        String reason = MailTexts.tooLargeReason(size, limits.maxMessageBytes())
                + (headerKind == MailKind.NEW_OR_REPLY ? "" : " ; " + headers.kindReason() + " : aucun avis envoyé");
        MailKind notice = headerKind == MailKind.NEW_OR_REPLY ? MailKind.NEW_OR_REPLY : MailKind.AUTO_REPLY;
        return new ReceivedMail(headers.messageId(), headers.inReplyTo(), headers.references(), headers.from(),
                headers.fromName(), headers.replyTo(), headers.to(), headers.cc(), headers.subject(), headers.date(), "",
                null, List.of(), MailKind.REJECTED, reason, null, headers.caseReferenceInSubject(),
                new Rejection(RejectionReason.TOO_LARGE, MailTexts.tooLargeExplanation(size, limits.maxMessageBytes()),
                        notice));
    }
}
