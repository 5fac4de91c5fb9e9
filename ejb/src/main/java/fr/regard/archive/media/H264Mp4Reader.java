package fr.regard.archive.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * Reads the H.264 video track of an MP4 file frame by frame (pure Java, jcodec): the encoded frames as Annex B with
 * their timestamps, and their decoded pictures. Opening parses the whole index, so a file that is not an MP4 with an
 * H.264 track fails here, before anything is written.
 */
final class H264Mp4Reader implements Closeable {

    /** One encoded frame: Annex B bytes, start and duration in seconds from the start of the file, key frame or not. */
    record Frame(ByteBuffer data, double pts, double duration, boolean keyFrame) {
    }

    private final FileChannelWrapper channel;
    private final DemuxerTrack track;
    private final int width;
    private final int height;
    private final int frameCount;
    private final ByteBuffer codecPrivate;
    private H264Decoder decoder;

    H264Mp4Reader(Path file) throws IOException {
        this.channel = NIOUtils.readableChannel(file.toFile());
        try {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
            this.track = demuxer.getVideoTrack();
            if (track == null) {
                throw new IOException("no video track");
            }
            DemuxerTrackMeta meta = track.getMeta();
            if (meta.getCodec() != Codec.H264) {
                throw new IOException("video is " + meta.getCodec() + ", not H.264");
            }
            Size size = meta.getVideoCodecMeta().getSize();
            this.width = size.getWidth();
            this.height = size.getHeight();
            this.frameCount = meta.getTotalFrames();
            this.codecPrivate = meta.getCodecPrivate();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e);
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int frameCount() {
        return frameCount;
    }

    /** The stream's parameter sets (SPS/PPS), to tell whether two files can be joined without re-encoding. */
    ByteBuffer codecPrivate() {
        return codecPrivate == null ? null : codecPrivate.duplicate();
    }

    /** The next encoded frame, or {@code null} at the end. */
    Frame next() throws IOException {
        Packet packet;
        try {
            packet = track.nextFrame();
        } catch (RuntimeException e) {
            throw new IOException("unreadable frame: " + e, e);
        }
        if (packet == null) {
            return null;
        }
        return new Frame(packet.getData(), packet.getPtsD(), packet.getDurationD(), packet.isKeyFrame());
    }

    /**
     * Decodes a frame read by {@link #next()} (frames must be decoded in order from a key frame) into a new picture of
     * exactly {@code width × height} that the caller owns: the decoder keeps its own pictures as references for the
     * next frames, so they are never handed out to be drawn on.
     */
    Picture decode(Frame frame) throws IOException {
        Objects.requireNonNull(frame, "frame");
        if (decoder == null) {
            decoder = new H264Decoder();
        }
        try {
            Picture target = Picture.create((width + 15) & ~15, (height + 15) & ~15, ColorSpace.YUV420J);
            Picture picture = decoder.decodeFrame(frame.data().duplicate(), target.getData());
            if (picture == null) {
                throw new IOException("frame at " + frame.pts() + " s does not decode");
            }
            Picture cropped = picture.cloneCropped();
            // jcodec labels what it decodes YUV420 and encodes only "YUV420J": same 4:2:0 samples, relabelled
            return Picture.createPicture(cropped.getWidth(), cropped.getHeight(), cropped.getData(), ColorSpace.YUV420J);
        } catch (RuntimeException e) {
            throw new IOException("frame at " + frame.pts() + " s does not decode: " + e, e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
