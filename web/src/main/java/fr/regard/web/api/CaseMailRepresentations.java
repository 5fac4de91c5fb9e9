package fr.regard.web.api;

import fr.regard.mail.intake.CaseMailQueries;
import fr.regard.mail.intake.MailRecords;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The e-mail part of the staff view of a case: {@code mails} (each message with its sanitised HTML only, its
 * attachments, accepted or refused with the French reason, and the link to its original) and {@code suggestions}
 * (facts read in the text, labelled "Proposé (extrait automatiquement)", never copied into the facts).
 */
final class CaseMailRepresentations {

    private CaseMailRepresentations() {
    }

    static JsonObject withMails(JsonObject staffView, CaseMailQueries queries, String reference) {
        JsonArrayBuilder mails = Json.createArrayBuilder();
        for (MailRecords.CaseMailRow m : queries.mails(reference)) {
            JsonArrayBuilder attachments = Json.createArrayBuilder();
            for (MailRecords.AttachmentRow a : m.attachments()) {
                JsonObjectBuilder attachment = Json.createObjectBuilder().add("fileName", a.fileName())
                        .add("contentType", a.contentType()).add("detectedType", a.detectedType())
                        .add("sizeBytes", a.size()).add("sha256", a.sha256()).add("accepted", a.accepted());
                Representations.put(attachment, "refusal", a.refusal());
                if (a.accepted()) {
                    attachment.add("url", "/api/v1/requests/" + reference + "/mails/" + m.mailMessageId()
                            + "/attachments/" + a.sha256());
                }
                attachments.add(attachment);
            }
            JsonObjectBuilder mail = Json.createObjectBuilder().add("id", m.mailMessageId())
                    .add("role", m.role()).add("receivedAt", Representations.time(m.receivedAt()))
                    .add("subject", m.subject()).add("text", m.textBody()).add("sha256", m.sha256())
                    .add("originalUrl", "/api/v1/requests/" + reference + "/mails/" + m.mailMessageId() + "/original")
                    .add("attachments", attachments);
            Representations.put(mail, "from", m.from());
            Representations.put(mail, "safeHtml", m.safeHtml());
            mails.add(mail);
        }
        JsonArrayBuilder suggestions = Json.createArrayBuilder();
        for (MailRecords.SuggestionRow s : queries.suggestions(reference)) {
            suggestions.add(Json.createObjectBuilder().add("kind", s.kind()).add("text", s.text())
                    .add("start", s.start()).add("end", s.end()).add("value", s.value())
                    .add("confidence", s.confidence()).add("label", s.label()));
        }
        return Json.createObjectBuilder(staffView).add("mails", mails).add("suggestions", suggestions).build();
    }
}
