package fr.regard.documents.infrastructure;

import fr.regard.documents.application.RenderedDocument.EmbeddedData;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.domain.LegalBasis;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine-readable twin of a document, embedded in its PDF as a PDF/A-3 associated file ({@value #FILE_NAME},
 * {@code application/json}, AFRelationship {@code /Data}). Format {@value #FORMAT} (docs/documents.md "Data file"):
 * an envelope (format, type, language, title, reference, issuedAt, controller, legalBases) and {@code data}, the
 * document's record with its components in lexicographic order, instants in ISO-8601 UTC, dates ISO, enums by name.
 */
public final class DocumentDataFile {

    public static final String FORMAT = "regard-document-data/1";
    public static final String FILE_NAME = "regard-document-data.json";
    public static final String MEDIA_TYPE = "application/json";
    public static final String RELATIONSHIP = "Data";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withNullValues(true)
            .withFormatting(true));

    private DocumentDataFile() {
    }

    public static EmbeddedData of(DocumentModel model, DocumentLanguage language, ControllerIdentity controller) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("format", FORMAT);
        envelope.put("type", model.type().code());
        envelope.put("language", language.tag());
        envelope.put("title", model.type().title(language));
        envelope.put("reference", model.reference());
        envelope.put("issuedAt", model.issuedAt().toString());
        Map<String, Object> controllerData = new LinkedHashMap<>();
        controllerData.put("name", controller.name());
        controllerData.put("dpoEmail", controller.dpoEmail());
        controllerData.put("dpoPostalAddress", controller.dpoPostalAddress());
        envelope.put("controller", controllerData);
        envelope.put("legalBases", model.legalBases().stream().map(LegalBasis::name).toList());
        envelope.put("data", model);
        byte[] json = JSONB.toJson(envelope).getBytes(StandardCharsets.UTF_8);
        String description = (language == DocumentLanguage.EN ? "Data of the document " : "Données du document ")
                + model.type().title(language) + " (" + model.reference() + "), format " + FORMAT;
        return new EmbeddedData(FILE_NAME, MEDIA_TYPE, RELATIONSHIP, description, json);
    }

    /** Reads the {@code data} member back into the document's record (what the offline verifier and tests do). */
    public static <M extends DocumentModel> M read(String dataJson, Class<M> type) {
        return JSONB.fromJson(dataJson, type);
    }
}
