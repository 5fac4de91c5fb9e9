package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.ArchiveException;
import fr.regard.archive.domain.ExtractOutput;
import fr.regard.archive.domain.ExtractSource;
import fr.regard.archive.domain.NoSuchSegmentException;
import fr.regard.archive.domain.RecordingArchive;
import fr.regard.archive.media.AppliedMask;
import fr.regard.archive.media.ExtractionCancelledException;
import fr.regard.archive.media.ExtractionException;
import fr.regard.archive.media.ExtractionRequest;
import fr.regard.archive.media.ExtractionResult;
import fr.regard.archive.media.FootageProcessor;
import fr.regard.archive.media.MaskArea;
import fr.regard.archive.media.SegmentFile;
import fr.regard.archive.media.TimedMask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one extract on an extraction thread, outside any transaction: claims it, copies each source segment from the
 * archive into a work folder <em>while hashing it</em> and compares that hash with the one taken at ingest (chain of
 * custody: the bytes given to the engine are the bytes checked), has the {@link FootageProcessor} assemble and mask
 * the window into one MP4, hashes the output again and records it. Progress is stored at most once a second, and
 * that write also reads a cancellation.
 */
@ApplicationScoped
public class ExtractWorker {

    private static final Logger LOG = Logger.getLogger(ExtractWorker.class.getName());
    static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    @Inject
    ExtractLedger ledger;

    @Inject
    RecordingArchive archive;

    @Inject
    FootageProcessor processor;

    @Inject
    ExtractFiles files;

    /** A source segment that is not the one ingested: the extraction stops (the message names it, in French). */
    static final class CustodyException extends Exception {
        private static final long serialVersionUID = 1L;

        CustodyException(String message) {
            super(message);
        }
    }

    /** Progress written at most once a second; remembers whether a cancellation was asked. */
    final class Progress {
        private final long id;
        private long lastWrite = System.nanoTime() - PROGRESS_EVERY_NANOS;
        private volatile boolean cancelled;

        Progress(long id) {
            this.id = id;
        }

        void frames(long done, long total) {
            long now = System.nanoTime();
            if (now - lastWrite >= PROGRESS_EVERY_NANOS) {
                lastWrite = now;
                cancelled = ledger.progress(id, done, total) || cancelled;
            }
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    public static String node() {
        return System.getProperty("jboss.node.name", "regard");
    }

    public void run(long id) {
        ExtractLedger.Job job = ledger.claim(id, node()).orElse(null);
        if (job == null) {
            return;
        }
        Path output = files.resolve(job.outputLocation());
        Path work = null;
        try {
            work = files.workFolder(id);
            Files.createDirectories(output.getParent());
            // An earlier attempt that published its file but stopped before recording it: that file is not recorded.
            Files.deleteIfExists(output);
            Progress progress = new Progress(id);
            List<SegmentFile> segments = copyChecked(job, work, progress);
            if (progress.cancelled()) {
                ledger.cancelled(id);
                return;
            }
            if (segments.isEmpty()) {
                ledger.fail(id, "Aucun segment de la caméra " + job.cameraId() + " n'est indexé sur la fenêtre "
                        + "demandée : rien à extraire.");
                return;
            }
            ExtractionResult result = processor.extract(new ExtractionRequest(job.cameraId(), segments, job.from(),
                    job.to(), job.thirdParties().stream().map(m -> new TimedMask(new MaskArea(m.x(), m.y(), m.width(),
                            m.height()), m.from(), m.to())).toList(), job.privacyMasks(), output),
                    progress::frames, progress::cancelled);
            String sha = ExtractFiles.sha256(output);
            if (!sha.equals(result.sha256()) || Files.size(output) != result.size()) {
                Files.deleteIfExists(output);
                ledger.fail(id, "Le fichier produit ne correspond pas à l'empreinte calculée par le moteur "
                        + "d'extraction : il a été supprimé.");
                return;
            }
            if (!ledger.succeed(id, output(job, result, sha))) {
                Files.deleteIfExists(output);
            }
        } catch (ExtractionCancelledException e) {
            ledger.cancelled(id);
        } catch (CustodyException | ExtractionException e) {
            deleteQuietly(output);
            ledger.fail(id, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Extraction " + id + " failed", e);
            deleteQuietly(output);
            ledger.fail(id, "Erreur technique pendant l'extraction : " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ".");
        } finally {
            if (work != null) {
                try {
                    ExtractFiles.deleteTree(work);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not remove the work folder " + work, e);
                }
            }
        }
    }

    private List<SegmentFile> copyChecked(ExtractLedger.Job job, Path work, Progress progress)
            throws IOException, CustodyException {
        List<SegmentFile> copies = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < job.sources().size() && !progress.cancelled(); i++) {
            ExtractSource source = job.sources().get(i);
            Path copy = work.resolve(String.format("%05d.mp4", i));
            MessageDigest digest = ExtractFiles.newDigest();
            long size = 0;
            try (InputStream in = archive.open(source.ref());
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(copy), digest)) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    size += read;
                }
            } catch (NoSuchSegmentException e) {
                throw new CustodyException("Le segment " + source.location() + " a disparu de l'archive depuis son "
                        + "indexation : l'extraction est interrompue.");
            } catch (ArchiveException e) {
                throw new CustodyException("Le segment " + source.location() + " n'a pas pu être lu dans l'archive ("
                        + e.getMessage() + ") : l'extraction est interrompue.");
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (!sha.equals(source.sha256()) || size != source.size()) {
                throw new CustodyException("Chaîne de conservation rompue : le segment " + source.location()
                        + " n'est plus celui indexé (empreinte SHA-256 " + sha + ", " + size + " octets ; attendu "
                        + source.sha256() + ", " + source.size() + " octets). L'extraction est refusée.");
            }
            copies.add(new SegmentFile(copy, source.start(), source.end(), source.location()));
            progress.frames(0, 0);
        }
        return copies;
    }

    private ExtractOutput output(ExtractLedger.Job job, ExtractionResult result, String sha) {
        JsonArrayBuilder gaps = Json.createArrayBuilder();
        result.gaps().forEach(g -> gaps.add(Json.createObjectBuilder().add("from", g.from().toString())
                .add("to", g.to().toString())));
        JsonArrayBuilder masks = Json.createArrayBuilder();
        for (AppliedMask m : result.masks()) {
            JsonObjectBuilder mask = Json.createObjectBuilder().add("kind", m.kind().name())
                    .add("x", m.area().x()).add("y", m.area().y())
                    .add("width", m.area().width()).add("height", m.area().height()).add("frames", m.frames());
            if (m.from() != null) {
                mask.add("from", m.from().toString()).add("to", m.to().toString());
            }
            masks.add(mask);
        }
        return new ExtractOutput(job.outputLocation(), result.size(), sha, result.duration().toMillis(),
                result.frames(), result.firstFrame(), result.end(), gaps.build().toString(), masks.build().toString(),
                result.engine());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove " + file, e);
        }
    }
}
