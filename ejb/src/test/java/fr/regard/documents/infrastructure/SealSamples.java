package fr.regard.documents.infrastructure;

import fr.regard.documents.application.DocumentRenderer;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Unsealed PDF/A-3b + PDF/UA-1 documents from the real renderer ({@link SampleDocuments}' models, packaged
 * templates), rendered once per JVM, as the seal tests' inputs.
 */
final class SealSamples {

    private static final DocumentRenderer RENDERER = new PdfaDocumentRenderer(ControllerIdentity.lille(), null);
    private static final Map<String, byte[]> RENDERED = new ConcurrentHashMap<>();

    private SealSamples() {
    }

    /** The one-page accusé de réception, in French. */
    static byte[] letter() {
        return rendered(DocumentType.ACKNOWLEDGEMENT, DocumentLanguage.FR);
    }

    static byte[] rendered(DocumentType type, DocumentLanguage language) {
        return RENDERED.computeIfAbsent(type + "-" + language,
                key -> RENDERER.render(SampleDocuments.of(type), language.locale()).pdf());
    }

    /** Every document type in every language it exists in, named e.g. "REFUSAL (en)". */
    static Stream<Arguments> everyDocument() {
        return Stream.of(DocumentType.values()).flatMap(type -> type.languages().stream().sorted()
                .map(language -> Arguments.of(Named.of(type + " (" + language.code() + ")", rendered(type, language)))));
    }
}
