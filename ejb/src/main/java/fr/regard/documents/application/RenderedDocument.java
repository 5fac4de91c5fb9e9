package fr.regard.documents.application;

import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentType;
import java.util.List;

/**
 * A rendered, not yet sealed, document: the PDF bytes, what it is, its displayed title and the files embedded in it.
 */
public record RenderedDocument(byte[] pdf, DocumentType type, DocumentLanguage language, String title,
                               List<EmbeddedData> attachments) {

    public static final String MEDIA_TYPE = "application/pdf";

    public RenderedDocument {
        attachments = List.copyOf(attachments);
    }

    public String mediaType() {
        return MEDIA_TYPE;
    }

    /** A file embedded in the PDF as a PDF/A-3 associated file of the document catalog. */
    public record EmbeddedData(String fileName, String mediaType, String relationship, String description, byte[] content) {
    }
}
