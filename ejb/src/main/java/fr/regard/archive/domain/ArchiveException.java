package fr.regard.archive.domain;

/** The archive itself failed (unreachable, permissions, a segment that would not go away). */
public class ArchiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
