package fr.regard.archive.media;

import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Conversions between RGB pixels and jcodec's YUV 4:2:0 pictures, whose samples are stored minus 128 in signed bytes.
 * Studio range BT.601 (luma 16–235), what players assume when the stream does not say otherwise.
 */
final class YuvFrames {

    private YuvFrames() {
    }

    /** An RGB frame ({@code 0xRRGGBB} per pixel, row by row) as a YUV 4:2:0 picture; width and height are even. */
    static Picture fromRgb(int[] rgb, int width, int height, Picture into) {
        Picture picture = into != null ? into : Picture.create(width, height, ColorSpace.YUV420J);
        byte[] y = picture.getPlaneData(0);
        byte[] u = picture.getPlaneData(1);
        byte[] v = picture.getPlaneData(2);
        int lumaStride = picture.getPlaneWidth(0);
        int chromaStride = picture.getPlaneWidth(1);
        for (int row = 0; row < height; row += 2) {
            for (int col = 0; col < width; col += 2) {
                int sumR = 0;
                int sumG = 0;
                int sumB = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = rgb[(row + dy) * width + col + dx];
                        int r = p >> 16 & 0xFF;
                        int g = p >> 8 & 0xFF;
                        int b = p & 0xFF;
                        sumR += r;
                        sumG += g;
                        sumB += b;
                        y[(row + dy) * lumaStride + col + dx] = (byte) (luma(r, g, b) - 128);
                    }
                }
                int r = sumR >> 2;
                int g = sumG >> 2;
                int b = sumB >> 2;
                int c = (row >> 1) * chromaStride + (col >> 1);
                u[c] = (byte) (clip(128 + ((-38 * r - 74 * g + 112 * b + 128) >> 8)) - 128);
                v[c] = (byte) (clip(128 + ((112 * r - 94 * g - 18 * b + 128) >> 8)) - 128);
            }
        }
        return picture;
    }

    /** The luma sample (0–255) at (x, y) of a decoded picture. */
    static int luma(Picture picture, int x, int y) {
        return picture.getPlaneData(0)[y * picture.getPlaneWidth(0) + x] + 128;
    }

    private static int luma(int r, int g, int b) {
        return clip(16 + ((66 * r + 129 * g + 25 * b + 128) >> 8));
    }

    private static int clip(int value) {
        return value < 0 ? 0 : Math.min(255, value);
    }
}
