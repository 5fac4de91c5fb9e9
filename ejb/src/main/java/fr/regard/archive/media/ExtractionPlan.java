package fr.regard.archive.media;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which frames of which segments an extract holds and which masks cover each of them, worked out from the frame
 * timings of the segments before anything is written — the same plan for both engines. A frame belongs to the window
 * when it starts in {@code [from, to)}; its instant is its segment's start plus its timestamp in the file (counted
 * from the file's first frame). Frames follow each other in the extract without the gaps between segments (the
 * result lists the gaps instead).
 */
final class ExtractionPlan {

    /** A gap shorter than this is frame granularity, not missing footage. */
    static final Duration GAP = Duration.ofSeconds(1);

    /** Frame timing of one frame in its file: start and duration in seconds, key frame or not. */
    record FrameTiming(double pts, double duration, boolean keyFrame) {
    }

    /** What an engine read of a segment before planning: picture size and frame timings (presentation order). */
    record SegmentTimings(SegmentFile segment, int width, int height, List<FrameTiming> frames) {
    }

    /** The frames {@code [first, first + count)} of a segment go into the extract. */
    record Part(SegmentFile segment, int first, int count, boolean startsOnKeyFrame) {
    }

    final List<Part> parts;
    final int width;
    final int height;
    final List<Instant> starts = new ArrayList<>();
    final List<Instant> ends = new ArrayList<>();
    final List<AppliedMask> masks;
    /** For each mask, the first and last output frame it covers (inclusive), or {@code null}. */
    final List<int[]> maskFrames = new ArrayList<>();
    final List<ExtractionResult.Gap> gaps = new ArrayList<>();

    private ExtractionPlan(ExtractionRequest request, List<SegmentTimings> timings) {
        this.width = timings.get(0).width();
        this.height = timings.get(0).height();
        List<Part> taken = new ArrayList<>();
        for (SegmentTimings segment : timings) {
            if (segment.width() != width || segment.height() != height) {
                throw new ExtractionException("Le segment " + segment.segment().name() + " n'a pas la taille d'image des "
                        + "précédents (" + segment.width() + "×" + segment.height() + " au lieu de " + width + "×" + height + ").");
            }
            int first = -1;
            int count = 0;
            double origin = segment.frames().isEmpty() ? 0 : segment.frames().get(0).pts();
            for (int i = 0; i < segment.frames().size(); i++) {
                FrameTiming frame = segment.frames().get(i);
                Instant start = segment.segment().start().plusNanos(Math.round((frame.pts() - origin) * 1e9));
                if (!start.isBefore(request.from()) && start.isBefore(request.to())) {
                    first = first < 0 ? i : first;
                    count++;
                    starts.add(start);
                    ends.add(start.plusNanos(Math.round(frame.duration() * 1e9)));
                }
            }
            if (count > 0) {
                taken.add(new Part(segment.segment(), first, count, segment.frames().get(first).keyFrame()));
            }
        }
        if (taken.isEmpty()) {
            throw new ExtractionException("Aucune image de la caméra " + request.cameraId() + " entre " + request.from()
                    + " et " + request.to() + " dans les segments fournis.");
        }
        this.parts = List.copyOf(taken);
        this.masks = new ArrayList<>();
        for (AppliedMask mask : request.masks()) {
            int firstFrame = -1;
            int lastFrame = -1;
            for (int i = 0; i < starts.size(); i++) {
                if (mask.covers(starts.get(i), ends.get(i))) {
                    firstFrame = firstFrame < 0 ? i : firstFrame;
                    lastFrame = i;
                }
            }
            masks.add(mask.withFrames(firstFrame < 0 ? 0 : lastFrame - firstFrame + 1));
            maskFrames.add(firstFrame < 0 ? null : new int[] {firstFrame, lastFrame});
        }
        Instant covered = request.from();
        for (int i = 0; i < starts.size(); i++) {
            if (Duration.between(covered, starts.get(i)).compareTo(GAP) > 0) {
                gaps.add(new ExtractionResult.Gap(covered, starts.get(i)));
            }
            covered = ends.get(i).isAfter(covered) ? ends.get(i) : covered;
        }
        if (Duration.between(covered, request.to()).compareTo(GAP) > 0) {
            gaps.add(new ExtractionResult.Gap(covered, request.to()));
        }
    }

    static ExtractionPlan of(ExtractionRequest request, List<SegmentTimings> timings) {
        return new ExtractionPlan(request, timings);
    }

    int frames() {
        return starts.size();
    }

    /** Whether the recorded frames can be copied unchanged: no mask covers any frame, every part starts on a key frame. */
    boolean copyable() {
        return maskFrames.stream().allMatch(range -> range == null) && parts.stream().allMatch(Part::startsOnKeyFrame);
    }

    /** The masks covering output frame {@code index}, as pixel rectangles. */
    List<int[]> masksOn(int index) {
        List<int[]> rectangles = new ArrayList<>();
        for (int m = 0; m < masks.size(); m++) {
            int[] range = maskFrames.get(m);
            if (range != null && index >= range[0] && index <= range[1]) {
                rectangles.add(masks.get(m).area().pixels(width, height));
            }
        }
        return rectangles;
    }

    /** How long the extract plays: the sum of its frames' durations. */
    Duration duration() {
        Duration total = Duration.ZERO;
        for (int i = 0; i < starts.size(); i++) {
            total = total.plus(Duration.between(starts.get(i), ends.get(i)));
        }
        return total;
    }

    ExtractionResult result(PublishedFile file, ExtractionResult.Method method, String engine) {
        return new ExtractionResult(file.path(), file.size(), file.sha256(), duration(), frames(), starts.get(0),
                ends.get(ends.size() - 1), gaps, masks, method, engine);
    }
}
