package fr.regard.documents.application;

/**
 * A template could not be rendered (a syntax error or a missing value in a packaged or an overridden file): the
 * message names the file and the line; no document is produced.
 */
public class DocumentTemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String templateFile;

    public DocumentTemplateException(String templateFile, String message, Throwable cause) {
        super(message, cause);
        this.templateFile = templateFile;
    }

    /** The template file at fault, relative to the templates folder (e.g. {@code fr/refusal.ftlh}). */
    public String templateFile() {
        return templateFile;
    }
}
