package fr.regard.documents.application;

import fr.regard.documents.domain.DocumentModel;
import java.util.Locale;

/**
 * Renders a document to an unsealed PDF/A-3b, tagged PDF/UA-1, with its data as an associated file
 * (docs/documents.md). Thread-safe; sealing is a separate step on the bytes returned.
 */
public interface DocumentRenderer {

    /**
     * @param language French for every document, English for requester-facing ones ({@code DocumentType.languages()})
     * @throws IllegalArgumentException     for a language the document does not exist in
     * @throws DocumentTemplateException    when a template (packaged or overridden) fails: nothing is produced
     */
    RenderedDocument render(DocumentModel model, Locale language);
}
