package fr.regard.archive.domain;

/** The segment is not (or no longer) in the archive: purged since it was listed, or never there. */
public class NoSuchSegmentException extends ArchiveException {

    private static final long serialVersionUID = 1L;

    public NoSuchSegmentException(SegmentRef segment) {
        super("No such segment in the archive: " + segment.location());
    }
}
