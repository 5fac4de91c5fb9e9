package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.domain.SegmentListing;
import fr.regard.archive.domain.SegmentRef;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.SortedSet;
import java.util.function.LongConsumer;

/**
 * A real archive whose deletions are counted: after the n-th one the listener hears {@code n} (the kill -9 child
 * prints it; a test crashes the run by throwing from it, after the file is gone, as a crash at that instant would).
 */
final class CountingArchive implements RecordingArchive {

    private final RecordingArchive delegate;
    private final LongConsumer afterDelete;
    private long deletions;

    CountingArchive(RecordingArchive delegate, LongConsumer afterDelete) {
        this.delegate = delegate;
        this.afterDelete = afterDelete;
    }

    @Override
    public SegmentListing segments(Collection<String> cameraIds, Instant from, Instant to) {
        return delegate.segments(cameraIds, from, to);
    }

    @Override
    public InputStream open(SegmentRef segment) {
        return delegate.open(segment);
    }

    @Override
    public boolean delete(SegmentRef segment) {
        boolean deleted = delegate.delete(segment);
        afterDelete.accept(++deletions);
        return deleted;
    }

    @Override
    public SortedSet<String> cameras() {
        return delegate.cameras();
    }
}
