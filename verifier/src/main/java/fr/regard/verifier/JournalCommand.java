package fr.regard.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;

import fr.regard.journal.format.AuditReport;
import fr.regard.journal.format.Checkpoint;
import fr.regard.journal.format.CheckpointEvidence;
import fr.regard.journal.format.JournalAudit;
import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.JournalBundleReader;
import fr.regard.journal.format.KnownCheckpoint;
import fr.regard.journal.format.MalformedBundleException;
import fr.regard.journal.format.NoteVerificationException;
import fr.regard.journal.format.NoteVerifier;

/**
 * {@code journal}: verifies an exported journal bundle with {@link JournalAudit} against the pinned key and prints
 * the French report (verifier/README.md). Exit 0 when every check passes, 1 when one fails or the bundle is
 * malformed, 2 when the command line or an input file cannot be used.
 */
final class JournalCommand {

    private JournalCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean unicode) {
        JournalOptions options;
        try {
            options = JournalOptions.parse(args);
        } catch (UsageException e) {
            err.println("Erreur : " + e.getMessage());
            return VerifierCli.USAGE_ERROR;
        }
        if (options.help()) {
            out.print(VerifierCli.USAGE);
            return VerifierCli.SUCCESS;
        }
        ReportPrinter printer = new ReportPrinter(out, unicode);
        VerifierCli.useBouncyCastleForSignatures();
        try {
            NoteVerifier pinnedKey = pinnedKey(options.vkey());
            Optional<KnownCheckpoint> known = knownCheckpoint(options.knownCheckpoint(), pinnedKey);
            Optional<List<X509Certificate>> pinnedTsa = options.tsaCertificates().isEmpty() ? Optional.empty()
                    : Optional.of(tsaCertificates(options.tsaCertificates().get()));
            try (JournalBundleReader reader = JournalBundleReader.open(options.bundle())) {
                JournalBundle bundle = reader.bundle();
                TsaTrust tsa = TsaTrust.choose(pinnedTsa, bundle);
                AuditReport report = JournalAudit.run(reader.auditSource(), pinnedKey, known, tsa.check(),
                        options.threads());
                printer.print(options, bundle, pinnedKey, known.isPresent(), tsa, report);
                if (report.ok() && options.saveCheckpoint().isPresent()) {
                    saveNewest(bundle, pinnedKey, options.saveCheckpoint().get(), out);
                }
                return report.ok() ? VerifierCli.SUCCESS : VerifierCli.VERIFICATION_FAILED;
            }
        } catch (UsageException e) {
            err.println("Erreur : " + e.getMessage());
            return VerifierCli.USAGE_ERROR;
        } catch (MalformedBundleException e) {
            printer.printMalformed(options.bundle(), e.getMessage());
            return VerifierCli.VERIFICATION_FAILED;
        } catch (NoSuchFileException e) {
            err.println("Erreur : fichier ou répertoire introuvable : " + e.getFile());
            return VerifierCli.USAGE_ERROR;
        } catch (ZipException e) {
            err.println("Erreur : archive zip illisible : " + options.bundle() + " (" + e.getMessage() + ")");
            return VerifierCli.USAGE_ERROR;
        } catch (IOException e) {
            err.println("Erreur de lecture : " + e);
            return VerifierCli.USAGE_ERROR;
        } catch (RuntimeException e) {
            err.println("Erreur inattendue : " + e);
            return VerifierCli.USAGE_ERROR;
        }
    }

    private static NoteVerifier pinnedKey(String option) throws UsageException, IOException {
        String text = option;
        if (option.startsWith("@")) {
            Path file = Path.of(option.substring(1));
            if (!Files.isRegularFile(file)) {
                throw new UsageException("fichier de clé introuvable : " + file);
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        try {
            return NoteVerifier.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("clé de vérification mal formée (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<KnownCheckpoint> knownCheckpoint(Optional<Path> file, NoteVerifier pinnedKey)
            throws UsageException, IOException {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file.get())) {
            throw new UsageException("point de contrôle connu introuvable : " + file.get());
        }
        byte[] note = Files.readAllBytes(file.get());
        try {
            Checkpoint.open(note, pinnedKey);
        } catch (NoteVerificationException e) {
            throw new UsageException("le point de contrôle connu " + file.get()
                    + " ne vérifie pas avec la clé épinglée (" + e.getMessage() + ")", e);
        }
        return Optional.of(KnownCheckpoint.ofSignedNote(new String(note, StandardCharsets.UTF_8)));
    }

    private static List<X509Certificate> tsaCertificates(Path file) throws UsageException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("certificat d'horodatage introuvable : " + file);
        }
        try {
            return PemCertificates.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + " : " + e.getMessage(), e);
        }
    }

    /** Writes the newest checkpoint signed by the pinned key, for the next --known-checkpoint. */
    private static void saveNewest(JournalBundle bundle, NoteVerifier pinnedKey, Path file, PrintStream out)
            throws IOException {
        CheckpointEvidence newest = null;
        long newestSize = -1;
        for (CheckpointEvidence evidence : bundle.checkpoints()) {
            try {
                Checkpoint checkpoint = Checkpoint.open(evidence.noteBytes(), pinnedKey);
                if (checkpoint.origin().equals(bundle.origin()) && checkpoint.size() > newestSize) {
                    newest = evidence;
                    newestSize = checkpoint.size();
                }
            } catch (NoteVerificationException e) {
                // not signed by the pinned key: never saved
            }
        }
        if (newest != null) {
            Files.write(file, newest.noteBytes());
            out.println("Point de contrôle de taille " + newestSize + " enregistré dans " + file
                    + " (à donner en --known-checkpoint la prochaine fois)");
        }
    }
}
