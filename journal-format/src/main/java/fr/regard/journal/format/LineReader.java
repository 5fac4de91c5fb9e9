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
    private Buffers buffers;
    private boolean chunks;

    /**
     * Where the reader takes a fresh buffer when it needs more bytes, and hands back the one it leaves, so that the
     * lines already returned stay intact (a parallel audit hashes them later on other threads).
     */
    interface Buffers {
        /** A buffer of exactly {@code length} bytes, whatever its content. */
        byte[] take(int length);

        /** The reader no longer reads into {@code buffer}; its lines stay where they are. */
        void retire(byte[] buffer);
    }

    LineReader(InputStream in, String name, int maxLength) {
        this.in = in;
        this.name = name;
        this.maxLength = maxLength;
    }

    /**
     * Reads the next run of whole lines instead of one line: at {@link #offset()}, {@link #length()} bytes holding
     * every line the buffer completes, each with its newline, or at the end of the file the last line without one
     * ({@link #unterminated()}); false at the end of the file. The file is read and the buffer moved or grown exactly
     * as line by line, so the same line is too long; but lines are not counted, and that is reported by
     * {@link TooLong} instead ({@link #tooLong} makes the exception once the caller knows the line number). Do not
     * mix with {@link #next()}.
     */
    boolean nextChunk() throws IOException {
        chunks = true;
        while (true) {
            int newline = lastIndexOfNewline(buffer, pos, limit);
            if (newline >= 0) {
                offset = pos;
                length = newline + 1 - pos;
                pos = newline + 1;
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                offset = pos;
                length = limit - pos;
                pos = limit;
                unterminated = true;
                return true;
            }
            fill();
        }
    }

    /** In {@link #nextChunk()} mode: a line longer than the limit starts right after the lines returned so far. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("line too long");
        }
    }

    /** The exception of a line longer than {@code maxLength}, at 1-based line {@code line} of file {@code name}. */
    static MalformedBundleException tooLong(String name, long line, int maxLength) {
        return new MalformedBundleException(name + ", ligne " + line + " : plus de " + maxLength + " octets");
    }

    String name() {
        return name;
    }

    int maxLength() {
        return maxLength;
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

    /** From now on, never overwrite a buffer: move to a fresh one from {@code buffers} (same reads, same lines). */
    void keepLines(Buffers buffers) {
        this.buffers = buffers;
    }

    /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more. */
    private void fill() throws IOException {
        int kept = limit - pos;
        if (kept > maxLength) {
            throw chunks ? new TooLong() : tooLong(name, number + 1, maxLength);
        }
        if (kept == buffer.length) {
            byte[] grown = Arrays.copyOf(buffer, buffer.length * 2);
            if (buffers != null) {
                buffers.retire(buffer);
            }
            buffer = grown;
        } else if (buffers != null) {
            byte[] fresh = buffers.take(buffer.length);
            System.arraycopy(buffer, pos, fresh, 0, kept);
            buffers.retire(buffer);
            buffer = fresh;
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

    /** Index of the last '\n' in [from, to), or -1; eight bytes per step from the end. */
    static int lastIndexOfNewline(byte[] bytes, int from, int to) {
        int i = to;
        for (; i - Long.BYTES >= from; i -= Long.BYTES) {
            long x = (long) LONGS.get(bytes, i - Long.BYTES) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                // the highest flagged byte may be a false positive (a borrow from a lower match): check bytes one by one
                for (int k = i - 1; k >= i - Long.BYTES; k--) {
                    if (bytes[k] == '\n') {
                        return k;
                    }
                }
            }
        }
        for (i = i - 1; i >= from; i--) {
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
