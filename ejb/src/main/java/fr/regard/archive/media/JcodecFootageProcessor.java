package fr.regard.archive.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.model.Picture;

/**
 * The pure-Java extraction engine (jcodec): reads every segment's frame index first (a segment that is not a
 * readable H.264 MP4 fails here, before anything is written), plans the frames of the window, then either copies the
 * recorded frames unchanged (no mask to draw, window starting on a key frame, same stream parameters in every
 * segment) or decodes each frame, covers the masked areas with a uniform grey, and encodes it again. For the embedded
 * default's footage (jcodec decodes H.264 as jcodec and most cameras' baseline/main streams encode it); production
 * footage goes to {@link FfmpegFootageProcessor}.
 */
public final class JcodecFootageProcessor implements FootageProcessor {

    /** Output timestamps in 1/90,000 s, the usual video clock. */
    static final int TIMESCALE = 90_000;
    /** A key frame every this many seconds of the extract, so that a player can seek in it. */
    static final double KEY_EVERY_SECONDS = 2.0;

    @Override
    public String engine() {
        String version = H264Encoder.class.getPackage().getImplementationVersion();
        return "jcodec " + (version == null ? "" : version) + " (Java " + Runtime.version().feature() + ")";
    }

    @Override
    public ExtractionResult extract(ExtractionRequest request, ExtractionProgress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        List<ExtractionPlan.SegmentTimings> timings = new ArrayList<>();
        List<ByteBuffer> parameterSets = new ArrayList<>();
        for (SegmentFile segment : request.segments()) {
            timings.add(index(segment, parameterSets));
        }
        ExtractionPlan plan = ExtractionPlan.of(request, timings);
        boolean copy = plan.copyable() && parameterSets.stream().distinct().count() == 1;
        Path temporary = PublishedFile.temporaryFor(request.output());
        try {
            write(plan, timings, copy, temporary, progress, cancelled, request.output());
            if (cancelled.getAsBoolean()) {
                throw new ExtractionCancelledException(request.output().toString());
            }
            PublishedFile published = PublishedFile.publish(temporary, request.output());
            return plan.result(published, copy ? ExtractionResult.Method.COPY : ExtractionResult.Method.REENCODE, engine());
        } catch (IOException e) {
            throw new ExtractionException("L'extrait " + request.output() + " n'a pas pu être écrit : " + e.getMessage(), e);
        } catch (ExtractionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExtractionException("Le moteur d'extraction Java a échoué sur l'extrait " + request.output() + " : "
                    + e + ". Aucun extrait n'a été produit.", e);
        } finally {
            PublishedFile.deleteQuietly(temporary);
        }
    }

    private static ExtractionPlan.SegmentTimings index(SegmentFile segment, List<ByteBuffer> parameterSets) {
        try (H264Mp4Reader reader = new H264Mp4Reader(segment.file())) {
            List<ExtractionPlan.FrameTiming> frames = new ArrayList<>();
            for (H264Mp4Reader.Frame frame; (frame = reader.next()) != null; ) {
                frames.add(new ExtractionPlan.FrameTiming(frame.pts(), frame.duration(), frame.keyFrame()));
            }
            if (frames.isEmpty()) {
                throw new IOException("no frame");
            }
            for (int i = 1; i < frames.size(); i++) {
                if (frames.get(i).pts() <= frames.get(i - 1).pts()) {
                    throw new ExtractionException("Le segment " + segment.name() + " contient des images B (ordre de "
                            + "décodage différent de l'ordre d'affichage), que le moteur Java ne traite pas : configurez "
                            + "FFmpeg (regard.archive.ffmpeg). Aucun extrait n'a été produit.");
                }
            }
            parameterSets.add(reader.codecPrivate());
            return new ExtractionPlan.SegmentTimings(segment, reader.width(), reader.height(), frames);
        } catch (ExtractionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(segment, e);
        }
    }

    private static void write(ExtractionPlan plan, List<ExtractionPlan.SegmentTimings> timings, boolean copy,
            Path temporary, ExtractionProgress progress, BooleanSupplier cancelled, Path output) throws IOException {
        double frameSeconds = timings.get(0).frames().get(0).duration();
        int keyInterval = (int) Math.max(1, Math.round(KEY_EVERY_SECONDS / Math.max(frameSeconds, 1e-3)));
        try (H264Mp4Writer writer = new H264Mp4Writer(temporary, plan.width, plan.height, TIMESCALE, keyInterval)) {
            long pts = 0;
            int done = 0;
            for (ExtractionPlan.Part part : plan.parts) {
                List<ExtractionPlan.FrameTiming> frames = timingsOf(timings, part).frames();
                int decodeFrom = copy ? part.first() : lastKeyFrameAtOrBefore(frames, part.first());
                try (H264Mp4Reader reader = open(part.segment())) {
                    for (int i = 0; i < part.first() + part.count(); i++) {
                        if (cancelled.getAsBoolean()) {
                            throw new ExtractionCancelledException(output.toString());
                        }
                        H264Mp4Reader.Frame frame = next(reader, part.segment(), i);
                        if (i < decodeFrom) {
                            continue;
                        }
                        Picture picture = copy ? null : decode(reader, frame, part.segment());
                        if (i < part.first()) {
                            continue; // decoded only as a reference for the frames of the window
                        }
                        long duration = Math.max(1, Math.round(frame.duration() * TIMESCALE));
                        if (copy) {
                            writer.copy(frame.data(), pts, duration, frame.keyFrame());
                        } else {
                            plan.masksOn(done).forEach(rectangle -> cover(picture, rectangle));
                            writer.encode(picture, pts, duration);
                        }
                        pts += duration;
                        progress.frames(++done, plan.frames());
                    }
                }
            }
            writer.finish();
        }
    }

    /**
     * Covers a rectangle with uniform mid grey in every plane: nothing of what was there remains in the frame, so no
     * filter can bring it back (unlike a blur, which only spreads the same information around).
     */
    static void cover(Picture picture, int[] rectangle) {
        fill(picture, 0, rectangle[0], rectangle[1], rectangle[2], rectangle[3], (byte) (126 - 128));
        for (int plane = 1; plane <= 2; plane++) {
            fill(picture, plane, rectangle[0] / 2, rectangle[1] / 2, rectangle[2] / 2, rectangle[3] / 2, (byte) 0);
        }
    }

    private static void fill(Picture picture, int plane, int left, int top, int right, int bottom, byte value) {
        byte[] data = picture.getPlaneData(plane);
        int stride = picture.getPlaneWidth(plane);
        for (int row = top; row < bottom; row++) {
            Arrays.fill(data, row * stride + left, row * stride + right, value);
        }
    }

    private static H264Mp4Reader open(SegmentFile segment) {
        try {
            return new H264Mp4Reader(segment.file());
        } catch (IOException e) {
            throw unreadable(segment, e);
        }
    }

    private static H264Mp4Reader.Frame next(H264Mp4Reader reader, SegmentFile segment, int index) {
        try {
            H264Mp4Reader.Frame frame = reader.next();
            if (frame == null) {
                throw new IOException("the file ends before frame " + index + " (changed since it was indexed)");
            }
            return frame;
        } catch (IOException e) {
            throw unreadable(segment, e);
        }
    }

    private static Picture decode(H264Mp4Reader reader, H264Mp4Reader.Frame frame, SegmentFile segment) {
        try {
            return reader.decode(frame);
        } catch (IOException e) {
            throw unreadable(segment, e);
        }
    }

    private static ExtractionPlan.SegmentTimings timingsOf(List<ExtractionPlan.SegmentTimings> timings,
            ExtractionPlan.Part part) {
        return timings.stream().filter(t -> t.segment() == part.segment()).findFirst().orElseThrow();
    }

    private static int lastKeyFrameAtOrBefore(List<ExtractionPlan.FrameTiming> frames, int index) {
        for (int i = index; i > 0; i--) {
            if (frames.get(i).keyFrame()) {
                return i;
            }
        }
        return 0;
    }

    static ExtractionException unreadable(SegmentFile segment, Exception cause) {
        return new ExtractionException("Le segment " + segment.name() + " est illisible (vidéo MP4 H.264 attendue) : "
                + cause.getMessage() + ". Aucun extrait n'a été produit.", cause);
    }
}
