package fr.regard.archive.media;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The 5×7 pixel capitals a CCTV recorder burns into its picture (camera name, date and time). Drawn pixel by pixel
 * from the table below rather than with a system font: a fresh server often has no font installed, and Java2D text
 * then fails, while this needs nothing. Text is shown in capitals without accents ({@code É} → {@code E}), as on a
 * real recorder's overlay; characters without a glyph show as a blank.
 */
final class OverlayFont {

    static final int WIDTH = 5;
    static final int HEIGHT = 7;

    private static final Map<Character, long[]> GLYPHS = new HashMap<>();

    static {
        glyphs("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:/.()'",
                "01110 10001 10001 11111 10001 10001 10001", "11110 10001 10001 11110 10001 10001 11110",
                "01110 10001 10000 10000 10000 10001 01110", "11110 10001 10001 10001 10001 10001 11110",
                "11111 10000 10000 11110 10000 10000 11111", "11111 10000 10000 11110 10000 10000 10000",
                "01110 10001 10000 10111 10001 10001 01111", "10001 10001 10001 11111 10001 10001 10001",
                "01110 00100 00100 00100 00100 00100 01110", "00111 00010 00010 00010 00010 10010 01100",
                "10001 10010 10100 11000 10100 10010 10001", "10000 10000 10000 10000 10000 10000 11111",
                "10001 11011 10101 10101 10001 10001 10001", "10001 11001 10101 10011 10001 10001 10001",
                "01110 10001 10001 10001 10001 10001 01110", "11110 10001 10001 11110 10000 10000 10000",
                "01110 10001 10001 10001 10101 10010 01101", "11110 10001 10001 11110 10100 10010 10001",
                "01111 10000 10000 01110 00001 00001 11110", "11111 00100 00100 00100 00100 00100 00100",
                "10001 10001 10001 10001 10001 10001 01110", "10001 10001 10001 10001 10001 01010 00100",
                "10001 10001 10001 10101 10101 10101 01010", "10001 10001 01010 00100 01010 10001 10001",
                "10001 10001 01010 00100 00100 00100 00100", "11111 00001 00010 00100 01000 10000 11111",
                "01110 10001 10011 10101 11001 10001 01110", "00100 01100 00100 00100 00100 00100 01110",
                "01110 10001 00001 00010 00100 01000 11111", "11111 00010 00100 00010 00001 10001 01110",
                "00010 00110 01010 10010 11111 00010 00010", "11111 10000 11110 00001 00001 10001 01110",
                "00110 01000 10000 11110 10001 10001 01110", "11111 00001 00010 00100 01000 01000 01000",
                "01110 10001 10001 01110 10001 10001 01110", "01110 10001 10001 01111 00001 00010 01100",
                "00000 00000 00000 11111 00000 00000 00000", "00000 01100 01100 00000 01100 01100 00000",
                "00001 00010 00010 00100 01000 01000 10000", "00000 00000 00000 00000 00000 01100 01100",
                "00010 00100 01000 01000 01000 00100 00010", "01000 00100 00010 00010 00010 00100 01000",
                "00100 00100 01000 00000 00000 00000 00000");
    }

    private OverlayFont() {
    }

    private static void glyphs(String chars, String... rows) {
        for (int i = 0; i < chars.length(); i++) {
            String[] lines = rows[i].split(" ");
            long[] bits = new long[HEIGHT];
            for (int y = 0; y < HEIGHT; y++) {
                bits[y] = Long.parseLong(lines[y], 2);
            }
            GLYPHS.put(chars.charAt(i), bits);
        }
    }

    /** The text as the overlay shows it: capitals, accents removed. */
    static String displayed(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT);
    }

    /** Width in pixels of {@code length} characters at {@code scale} (one blank column between characters). */
    static int width(int length, int scale) {
        return length == 0 ? 0 : (length * (WIDTH + 1) - 1) * scale;
    }

    /** Draws {@code text} with its top-left corner at (x, y) into an RGB pixel array of the given row width. */
    static void draw(int[] pixels, int stride, int height, String text, int x, int y, int scale, int rgb) {
        String shown = displayed(text);
        for (int i = 0; i < shown.length(); i++) {
            long[] glyph = GLYPHS.get(shown.charAt(i));
            int left = x + i * (WIDTH + 1) * scale;
            if (glyph == null) {
                continue;
            }
            for (int gy = 0; gy < HEIGHT; gy++) {
                for (int gx = 0; gx < WIDTH; gx++) {
                    if ((glyph[gy] >> (WIDTH - 1 - gx) & 1) != 0) {
                        fill(pixels, stride, height, left + gx * scale, y + gy * scale, scale, rgb);
                    }
                }
            }
        }
    }

    private static void fill(int[] pixels, int stride, int height, int x, int y, int size, int rgb) {
        for (int py = Math.max(0, y); py < Math.min(height, y + size); py++) {
            for (int px = Math.max(0, x); px < Math.min(stride, x + size); px++) {
                pixels[py * stride + px] = rgb;
            }
        }
    }
}
