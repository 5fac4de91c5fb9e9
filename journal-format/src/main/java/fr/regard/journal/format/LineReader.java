package fr.regard.journal.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads newline-terminated lines as bytes for the {@code .jsonl} and {@code .txt} files of a bundle
 * (docs/journal-format.md, "Bundle"), without decoding, copying or allocating per line: each line is a slice
 * {@link #line()}{@code [offset() .. offset() + length())} of the read buffer, valid until the next call, and the
 * newline is searched eight bytes at a time. A last line without newline is still returned, and
 * {@link #unterminated()} then tells so.
 */
final class LineReader implements Closeable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private final String name;
    private final int maxLength;
    private byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private int offset;
    private int length;
    private long number;
    private boolean unterminated;

    LineReader(InputStream in, String name, int maxLength) {
        this.in = in;
        this.name = name;
        this.maxLength = maxLength;
    }

    /** Reads the next line; false at the end of the file. */
    boolean next() throws IOException {
        int searched = pos;
        while (true) {
            int newline = indexOfNewline(buffer, searched, limit);
            if (newline >= 0) {
                offset = pos;
                length = newline - pos;
                pos = newline + 1;
                number++;
                return true;
            }
            searched = limit;
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                offset = pos;
                length = limit - pos;
                pos = limit;
                unterminated = true;
                number++;
                return true;
            }
            searched -= pos;
            fill();
        }
    }

    /** The buffer holding the current line at {@link #offset()}. */
    byte[] line() {
        return buffer;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** 1-based number of the current line. */
    long number() {
        return number;
    }

    boolean unterminated() {
        return unterminated;
    }

    /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more. */
    private void fill() throws IOException {
        int kept = limit - pos;
        if (kept > maxLength) {
            throw new MalformedBundleException(name + ", ligne " + (number + 1) + " : plus de " + maxLength + " octets");
        }
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else {
            System.arraycopy(buffer, pos, buffer, 0, kept);
        }
        pos = 0;
        limit = kept;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read <= 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    /** Index of the first '\n' in [from, to), or -1; eight bytes per step (SWAR zero-byte test). */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
