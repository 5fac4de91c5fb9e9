package fr.regard.archive.media;

/** The extraction was cancelled as asked; nothing was written. */
public class ExtractionCancelledException extends ExtractionException {

    private static final long serialVersionUID = 1L;

    public ExtractionCancelledException(String output) {
        super("Extraction annulée à la demande : " + output + " n'a pas été produit.");
    }
}
