package fr.regard.archive.media;

import fr.regard.archive.domain.CameraIds;
import fr.regard.archive.domain.PrivacyMask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to extract: the window {@code [from, to)} of one camera, from its segments (in order, not overlapping), into
 * one new MP4 file at {@code output}, with third parties masked during their time ranges and the camera's privacy
 * masks over every frame. The output must not exist yet: an extract never replaces a file.
 */
public record ExtractionRequest(String cameraId, List<SegmentFile> segments, Instant from, Instant to,
        List<TimedMask> thirdParties, List<PrivacyMask> privacyMasks, Path output) {

    public ExtractionRequest {
        CameraIds.check(cameraId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(output, "output");
        segments = List.copyOf(segments);
        thirdParties = List.copyOf(thirdParties);
        privacyMasks = List.copyOf(privacyMasks);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("The window ends after it starts: " + from + " → " + to);
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("No footage of " + cameraId + " to extract between " + from + " and " + to);
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).start().isBefore(segments.get(i - 1).end())) {
                throw new IllegalArgumentException("Segments must be in order and not overlap: "
                        + segments.get(i - 1).name() + ", " + segments.get(i).name());
            }
        }
        if (Files.exists(output)) {
            throw new IllegalArgumentException("The extract " + output + " already exists: it is never replaced");
        }
        if (output.getParent() == null || !Files.isDirectory(output.getParent())) {
            throw new IllegalArgumentException("The folder of the extract does not exist: " + output);
        }
        if (!output.getFileName().toString().endsWith(".mp4")) {
            throw new IllegalArgumentException("An extract is an .mp4 file: " + output);
        }
    }

    /** Every mask of the request, privacy masks first, as the engines draw them and the result reports them. */
    List<AppliedMask> masks() {
        var all = new java.util.ArrayList<AppliedMask>();
        privacyMasks.forEach(m -> all.add(new AppliedMask(AppliedMask.Kind.PRIVACY, MaskArea.of(m), null, null, 0)));
        thirdParties.forEach(m -> all.add(new AppliedMask(AppliedMask.Kind.THIRD_PARTY, m.area(), m.from(), m.to(), 0)));
        return all;
    }
}
