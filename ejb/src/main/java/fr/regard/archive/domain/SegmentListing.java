package fr.regard.archive.domain;

import java.util.List;

/** What a window query found: the segments, ordered ({@link SegmentRef#ORDER}), and the entries it skipped. */
public record SegmentListing(List<SegmentRef> segments, List<SkippedEntry> skipped) {

    public SegmentListing {
        segments = segments.stream().sorted(SegmentRef.ORDER).toList();
        skipped = List.copyOf(skipped);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public long totalBytes() {
        return segments.stream().mapToLong(SegmentRef::size).sum();
    }
}
