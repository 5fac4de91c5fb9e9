package fr.regard.archive.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Random;

/**
 * The picture a synthetic camera "sees" at a given instant: a street (facades, pavements, a road with a crossing),
 * cars and pedestrians moving across it, and the recorder's overlay — camera id and name at the top, date and time
 * (Europe/Paris, as a French CSU's recorder shows it) at the bottom. The scene depends only on the camera and the
 * instant, so consecutive segments join seamlessly and a test can regenerate any frame it expects.
 */
final class StreetScene {

    static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss").withZone(LOCAL_TIME);

    private final int width;
    private final int height;
    private final String title;
    private final long seed;
    private final Color facade;
    private final BufferedImage background;

    StreetScene(String cameraId, String cameraName, int width, int height) {
        Objects.requireNonNull(cameraId, "cameraId");
        this.width = width;
        this.height = height;
        this.title = cameraName == null || cameraName.isBlank() ? cameraId : cameraId + " " + cameraName.strip();
        this.seed = cameraId.hashCode();
        Random random = new Random(seed);
        this.facade = new Color(150 + random.nextInt(80), 120 + random.nextInt(70), 90 + random.nextInt(60));
        this.background = drawBackground(random);
    }

    /** The frame at {@code instant}, as RGB pixels ({@code width × height}, row by row). */
    int[] frame(Instant instant) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(background, 0, 0, null);
            long millis = instant.toEpochMilli();
            drawTraffic(g, millis);
            drawPedestrians(g, millis);
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        drawOverlay(pixels, instant);
        return pixels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private BufferedImage drawBackground(Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(176, 196, 214)); // sky
            g.fillRect(0, 0, width, y(0.45));
            int x = 0;
            while (x < width) { // facades of uneven heights, with windows
                int w = width / 6 + random.nextInt(width / 6);
                int top = y(0.10) + random.nextInt(y(0.12));
                g.setColor(facade.darker().darker().getRed() > 40 && random.nextBoolean() ? facade : facade.darker());
                g.fillRect(x, top, w, y(0.45) - top);
                g.setColor(new Color(60, 70, 85));
                for (int wy = top + 4; wy < y(0.45) - 8; wy += 12) {
                    for (int wx = x + 5; wx < x + w - 8; wx += 14) {
                        g.fillRect(wx, wy, 6, 7);
                    }
                }
                x += w;
            }
            g.setColor(new Color(190, 182, 168)); // pavements
            g.fillRect(0, y(0.45), width, y(0.56) - y(0.45));
            g.fillRect(0, y(0.78), width, height - y(0.78));
            g.setColor(new Color(72, 72, 76)); // road
            g.fillRect(0, y(0.56), width, y(0.78) - y(0.56));
            g.setColor(new Color(230, 230, 230));
            for (int dash = 0; dash < width; dash += 24) {
                g.fillRect(dash, y(0.67), 12, 2);
            }
            int crossing = width * (3 + random.nextInt(4)) / 10;
            for (int stripe = y(0.57); stripe < y(0.77); stripe += 6) {
                g.fillRect(crossing, stripe, width / 12, 3);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawTraffic(Graphics2D g, long millis) {
        Color[] paints = {new Color(200, 30, 30), new Color(30, 60, 170), new Color(235, 235, 235), new Color(20, 20, 20)};
        int carWidth = width / 6;
        int carHeight = y(0.09);
        for (int car = 0; car < 3; car++) {
            boolean eastbound = car % 2 == 0;
            long period = 9_000 + 2_000L * car + Math.floorMod(seed + car, 3_000);
            double progress = Math.floorMod(millis + 2_700L * car + seed, period) / (double) period;
            int span = width + carWidth;
            int x = eastbound ? (int) (progress * span) - carWidth : width - (int) (progress * span);
            int top = eastbound ? y(0.68) : y(0.57);
            g.setColor(paints[Math.floorMod(seed + car, paints.length)]);
            g.fillRoundRect(x, top, carWidth, carHeight, 6, 6);
            g.setColor(new Color(140, 170, 190));
            g.fillRect(x + carWidth / 4, top + 2, carWidth / 2, carHeight / 3);
            g.setColor(Color.BLACK);
            g.fillOval(x + 4, top + carHeight - 3, 7, 7);
            g.fillOval(x + carWidth - 11, top + carHeight - 3, 7, 7);
        }
    }

    private void drawPedestrians(Graphics2D g, long millis) {
        Color[] coats = {new Color(120, 40, 110), new Color(40, 120, 60), new Color(200, 140, 20), new Color(50, 50, 140)};
        for (int person = 0; person < 4; person++) {
            boolean near = person % 2 == 1;
            long period = 40_000 + 7_000L * person;
            double progress = Math.floorMod(millis + 11_000L * person - seed, period) / (double) period;
            int x = person < 2 ? (int) (progress * (width + 20)) - 10 : width + 10 - (int) (progress * (width + 20));
            int feet = near ? y(0.87) : y(0.55);
            int size = near ? y(0.16) : y(0.11);
            g.setColor(coats[person]);
            g.fillRect(x - size / 6, feet - size * 3 / 4, size / 3, size * 3 / 4);
            g.setColor(new Color(224, 180, 150));
            g.fillOval(x - size / 8, feet - size, size / 4, size / 4);
        }
    }

    private void drawOverlay(int[] pixels, Instant instant) {
        int maxChars = (width - 8) / (OverlayFont.WIDTH + 1);
        String shown = title.length() > maxChars ? title.substring(0, maxChars) : title;
        band(pixels, 0, OverlayFont.HEIGHT + 6);
        OverlayFont.draw(pixels, width, height, shown, 4, 3, 1, 0xFFFFFF);
        String stamp = STAMP.format(instant);
        int scale = OverlayFont.width(stamp.length(), 2) + 8 <= width ? 2 : 1;
        int bandHeight = OverlayFont.HEIGHT * scale + 6;
        band(pixels, height - bandHeight, bandHeight);
        OverlayFont.draw(pixels, width, height, stamp, 4, height - bandHeight + 3, scale, 0xFFFF66);
    }

    private void band(int[] pixels, int top, int rows) {
        for (int row = Math.max(0, top); row < Math.min(height, top + rows); row++) {
            java.util.Arrays.fill(pixels, row * width, (row + 1) * width, 0x101010);
        }
    }

    private int y(double fraction) {
        return (int) Math.round(fraction * height);
    }
}
