package fr.regard.archive.media;

/**
 * An extraction that could not be made; nothing was written. The message, in French, is for the operator or the DPO
 * and names the segment at fault when there is one.
 */
public class ExtractionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
