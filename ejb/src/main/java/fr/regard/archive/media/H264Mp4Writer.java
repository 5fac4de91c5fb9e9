package fr.regard.archive.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Writes one H.264 (constrained baseline, as jcodec encodes) video track into an MP4 file, frame by frame with explicit
 * timestamps, or copies already encoded frames (stream copy). Pure Java: runs where no FFmpeg is installed.
 */
final class H264Mp4Writer implements Closeable {

    /** Constant quantiser: visually clean at small sizes and predictable (no rate control drift between frames). */
    static final int QP = 24;

    private final FileChannelWrapper channel;
    private final MP4Muxer muxer;
    private final MuxerTrack track;
    private final H264Encoder encoder;
    private final int timescale;
    private ByteBuffer buffer;
    private long frames;

    /**
     * @param timescale   units per second of the timestamps given to {@link #encode} and {@link #copy}
     * @param keyInterval a key frame every that many encoded frames (the first frame is always one)
     */
    H264Mp4Writer(Path file, int width, int height, int timescale, int keyInterval) throws IOException {
        if (width % 2 != 0 || height % 2 != 0 || width < 16 || height < 16) {
            throw new IllegalArgumentException("Even dimensions of at least 16 pixels are required: " + width + "×" + height);
        }
        this.timescale = timescale;
        this.channel = NIOUtils.writableChannel(file.toFile());
        try {
            this.muxer = MP4Muxer.createMP4MuxerToChannel(channel);
            this.track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.encoder = new H264Encoder(new ConstantQuantiser());
        this.encoder.setKeyInterval(keyInterval);
    }

    /** Encodes a YUV 4:2:0 picture (jcodec's signed samples, value − 128) shown from {@code pts} for {@code duration}. */
    void encode(Picture picture, long pts, long duration) throws IOException {
        if (buffer == null) {
            buffer = ByteBuffer.allocate(Math.max(encoder.estimateBufferSize(picture), picture.getWidth() * picture.getHeight() * 3));
        }
        buffer.clear();
        var encoded = encoder.encodeFrame(picture, buffer);
        add(copyOf(encoded.getData()), pts, duration, encoded.isKeyFrame());
    }

    /** Adds an already encoded frame (Annex B, parameter sets included on key frames), as a demuxer gives it. */
    void copy(ByteBuffer annexB, long pts, long duration, boolean keyFrame) throws IOException {
        add(copyOf(annexB), pts, duration, keyFrame);
    }

    long frames() {
        return frames;
    }

    /** Writes the index (moov box); the file is complete once this returns. */
    void finish() throws IOException {
        muxer.finish();
        channel.close();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void add(ByteBuffer data, long pts, long duration, boolean keyFrame) throws IOException {
        track.addFrame(Packet.createPacket(data, pts, timescale, duration, frames,
                keyFrame ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
        frames++;
    }

    private static ByteBuffer copyOf(ByteBuffer data) {
        // the muxer keeps the buffers of a chunk until it writes it: never hand it a reused one
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy;
    }

    /** One quantiser for every macroblock of every frame. */
    private static final class ConstantQuantiser implements RateControl {
        @Override
        public int startPicture(Size size, int maxSize, SliceType sliceType) {
            return QP;
        }

        @Override
        public int initialQpDelta() {
            return 0;
        }

        @Override
        public int accept(int bits) {
            return 0;
        }
    }
}
