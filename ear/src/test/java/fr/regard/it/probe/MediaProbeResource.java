package fr.regard.it.probe;

import fr.regard.archive.domain.PrivacyMask;
import fr.regard.archive.domain.SegmentRef;
import fr.regard.archive.infrastructure.FilesystemRecordingArchive;
import fr.regard.archive.media.ExtractionRequest;
import fr.regard.archive.media.ExtractionResult;
import fr.regard.archive.media.FootageProcessor;
import fr.regard.archive.media.MaskArea;
import fr.regard.archive.media.SegmentFile;
import fr.regard.archive.media.SyntheticFootage;
import fr.regard.archive.media.TimedMask;
import fr.regard.platform.infrastructure.DataDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Records synthetic footage and extracts it inside the server, with the application's extraction engine. */
@Path("media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MediaProbeResource {

    static final Instant T0 = Instant.parse("2026-11-20T13:30:00Z");

    @Inject
    FootageProcessor processor;

    @Inject
    DataDirectory dataDirectory;

    /** Two 10-second segments of LIL-004, listed by the filesystem archive, extracted across them with masks. */
    @POST
    @Path("extract")
    public String extract() throws IOException {
        java.nio.file.Path work = Files.createTempDirectory("regard-media-probe");
        try {
            java.nio.file.Path root = Files.createDirectories(work.resolve("archive"));
            SyntheticFootage footage = new SyntheticFootage();
            footage.record(root, "LIL-004", "Rue Neuve", T0, 10);
            footage.record(root, "LIL-004", "Rue Neuve", T0.plusSeconds(10), 10);
            List<SegmentRef> listed = new FilesystemRecordingArchive(root, e -> { })
                    .segments(List.of("LIL-004"), T0.plusSeconds(5), T0.plusSeconds(15)).segments();
            List<SegmentFile> segments = new ArrayList<>();
            listed.forEach(s -> segments.add(new SegmentFile(root.resolve(s.location()), s.start(), s.end(), s.location())));
            AtomicLong lastProgress = new AtomicLong();
            ExtractionResult result = processor.extract(new ExtractionRequest("LIL-004", segments, T0.plusSeconds(5),
                    T0.plusSeconds(15), List.of(new TimedMask(new MaskArea(0, 0.55, 0.5, 0.35), T0.plusSeconds(8),
                            T0.plusSeconds(12))), List.of(new PrivacyMask(0.7, 0.05, 0.1, 0.4)),
                    work.resolve("extrait.mp4")), (done, total) -> lastProgress.set(done * 1000 + total), () -> false);
            byte[] head = Files.readAllBytes(result.output());
            return Json.createObjectBuilder()
                    .add("listed", listed.size())
                    .add("engine", result.engine())
                    .add("method", result.method().name())
                    .add("frames", result.frames())
                    .add("durationMillis", result.duration().toMillis())
                    .add("firstFrame", result.firstFrame().toString())
                    .add("size", result.size())
                    .add("fileSize", head.length)
                    .add("sha256", result.sha256())
                    .add("ftyp", new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    .add("privacyFrames", result.masks().get(0).frames())
                    .add("thirdPartyFrames", result.masks().get(1).frames())
                    .add("lastProgress", lastProgress.get())
                    .build().toString();
        } finally {
            try (Stream<java.nio.file.Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Whether the demo recorder wrote anything into the default archive (it must not unless regard.demo.footage). */
    @GET
    @Path("demo-footage")
    public String demoFootage() {
        java.nio.file.Path archive = dataDirectory.root().resolve("archive");
        boolean recorded = Stream.of("LIL-001", "LIL-004", "LIL-030", "HEL-001")
                .anyMatch(camera -> Files.exists(archive.resolve(camera), LinkOption.NOFOLLOW_LINKS));
        return Json.createObjectBuilder().add("recorded", recorded).build().toString();
    }
}
