package fr.regard.documents.infrastructure;

import fr.regard.documents.application.DocumentRenderer;
import fr.regard.documents.application.DocumentTemplateException;
import fr.regard.documents.application.RenderedDocument;
import fr.regard.documents.application.RenderedDocument.EmbeddedData;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The default {@link DocumentRenderer}: template → XHTML (checked well-formed) → PDF/A-3b + PDF/UA-1 with the data
 * file attached. Built from the controller's identity and the optional override folder (docs/documents.md).
 */
public final class PdfaDocumentRenderer implements DocumentRenderer {

    private final ControllerIdentity controller;
    private final DocumentTemplates templates;
    private final PdfaWriter writer = new PdfaWriter();
    private final String logo;

    public PdfaDocumentRenderer(ControllerIdentity controller, Path overrideDir) {
        this.controller = Objects.requireNonNull(controller, "controller");
        this.templates = new DocumentTemplates(overrideDir);
        this.logo = controller.logo() == null ? null : logoDataUri(controller.logo());
    }

    @Override
    public RenderedDocument render(DocumentModel model, Locale locale) {
        DocumentLanguage language = DocumentLanguage.of(locale);
        String title = model.type().title(language);
        String html = templates.html(model, language, controller, logo);
        Document xhtml = parse(html, DocumentTemplates.templateOf(model, language));
        EmbeddedData data = DocumentDataFile.of(model, language, controller);
        byte[] pdf = writer.write(xhtml, model.issuedAt(), List.of(data));
        return new RenderedDocument(pdf, model.type(), language, title, List.of(data));
    }

    /** The templates' output must be XML (XHTML): an override that breaks it is named, and nothing is rendered. */
    private Document parse(String html, String template) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(html)));
        } catch (SAXParseException e) {
            throw new DocumentTemplateException(template, "Le modèle " + templates.where(template)
                    + " ne produit pas du XHTML bien formé (ligne " + e.getLineNumber() + " du résultat) : "
                    + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new DocumentTemplateException(template, "Le modèle " + templates.where(template)
                    + " ne produit pas du XHTML lisible : " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logo file as a data URI (PNG or JPEG only), read once: a wrong file stops the start-up, not a letter. */
    static String logoDataUri(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("regard.controller.logo : fichier illisible " + file, e);
        }
        String type;
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            type = "image/png";
        } else if (bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8) {
            type = "image/jpeg";
        } else {
            throw new IllegalArgumentException("regard.controller.logo doit être une image PNG ou JPEG : " + file);
        }
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
