package fr.regard.archive.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.common.model.Picture;

/**
 * Every frame of an MP4 file, demuxed and decoded with jcodec, in presentation order (a stream with B-frames, as x264
 * writes, is decoded in stream order and sorted by timestamp): what a test checks a video against.
 */
record DecodedVideo(int width, int height, List<Double> pts, List<Double> durations, List<Boolean> keyFrames,
        List<Picture> pictures) {

    static DecodedVideo of(Path file) throws IOException {
        List<Double> pts = new ArrayList<>();
        List<Double> durations = new ArrayList<>();
        List<Boolean> keys = new ArrayList<>();
        List<Picture> pictures = new ArrayList<>();
        try (H264Mp4Reader reader = new H264Mp4Reader(file)) {
            H264Mp4Reader.Frame frame;
            while ((frame = reader.next()) != null) {
                pts.add(frame.pts());
                durations.add(frame.duration());
                keys.add(frame.keyFrame());
                pictures.add(reader.decode(frame));
            }
            Integer[] order = new Integer[pts.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparing(pts::get));
            return new DecodedVideo(reader.width(), reader.height(), reorder(pts, order), reorder(durations, order),
                    reorder(keys, order), reorder(pictures, order));
        }
    }

    private static <T> List<T> reorder(List<T> list, Integer[] order) {
        List<T> sorted = new ArrayList<>();
        for (Integer i : order) {
            sorted.add(list.get(i));
        }
        return sorted;
    }

    int frames() {
        return pictures.size();
    }

    double totalSeconds() {
        return durations.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Luma samples (0–255) of a rectangle of frame {@code index}, row by row. */
    int[] luma(int index, int x, int y, int w, int h) {
        Picture picture = pictures.get(index);
        int[] samples = new int[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                samples[row * w + col] = YuvFrames.luma(picture, x + col, y + row);
            }
        }
        return samples;
    }

    /** Luma of the whole frame. */
    int[] luma(int index) {
        return luma(index, 0, 0, width, height);
    }

    /** The luma an RGB picture has once converted for encoding (before compression). */
    static int[] luma(int[] rgb, int width, int height, int x, int y, int w, int h) {
        Picture picture = YuvFrames.fromRgb(rgb, width, height, null);
        int[] samples = new int[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                samples[row * w + col] = YuvFrames.luma(picture, x + col, y + row);
            }
        }
        return samples;
    }

    static double meanAbsoluteDifference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / (double) a.length;
    }

    static double variance(int[] samples) {
        double mean = 0;
        for (int s : samples) {
            mean += s;
        }
        mean /= samples.length;
        double variance = 0;
        for (int s : samples) {
            variance += (s - mean) * (s - mean);
        }
        return variance / samples.length;
    }

    /** Pearson correlation of two equally long sample arrays (0 when either is flat). */
    static double correlation(int[] a, int[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
    }
}
