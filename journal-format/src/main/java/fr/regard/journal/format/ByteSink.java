package fr.regard.journal.format;

import java.util.Arrays;

/** A growable byte array used by the encoders of this package (JCS entries, bundle JSON). Not thread-safe. */
final class ByteSink {

    private byte[] bytes;
    private int length;

    ByteSink(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    void write(byte[] source) {
        write(source, 0, source.length);
    }

    void write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Appends a string known to be ASCII, one byte per char. */
    void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    /** Appends a non-negative decimal integer without leading zeros. */
    void decimal(long value) {
        ascii(Long.toString(value));
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
