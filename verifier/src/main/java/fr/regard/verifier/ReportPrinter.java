package fr.regard.verifier;

import java.io.PrintStream;
import java.nio.file.Path;

import fr.regard.journal.format.AuditReport;
import fr.regard.journal.format.CheckResult;
import fr.regard.journal.format.CheckStatus;
import fr.regard.journal.format.Finding;
import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.NoteVerifier;

/**
 * Prints an audit report for auditors, in French (verifier/README.md, "Lire le rapport"): what was verified, one
 * line per check marked ✔ (passed), ✘ (failed) or – (not verified), the first failures of each failed check, then
 * the verdict line {@code VÉRIFICATION RÉUSSIE} or {@code VÉRIFICATION ÉCHOUÉE — première séquence en cause : N}.
 */
final class ReportPrinter {

    static final String SUCCESS = "VÉRIFICATION RÉUSSIE";
    static final String FAILURE = "VÉRIFICATION ÉCHOUÉE";

    private final PrintStream out;
    private final String passed;
    private final String failed;
    private final String skipped;

    ReportPrinter(PrintStream out, boolean unicode) {
        this.out = out;
        this.passed = unicode ? "✔" : "[OK]";
        this.failed = unicode ? "✘" : "[KO]";
        this.skipped = unicode ? "–" : "[--]";
    }

    void print(JournalOptions options, JournalBundle bundle, NoteVerifier pinnedKey, boolean knownGiven, TsaTrust tsa,
            AuditReport report) {
        AuditReport.Counts counts = report.counts();
        header(options.bundle());
        field("Origine", bundle.origin());
        field("Clé épinglée", pinnedKey.verifierKey());
        bundle.verifierKey().filter(key -> !key.equals(pinnedKey.verifierKey())).ifPresent(key -> field("ATTENTION",
                "la clé annoncée par le lot (keys/journal.vkey) diffère de la clé épinglée ; seule la clé épinglée compte"));
        field("Période", (bundle.entryCount() == 0 ? "aucune entrée" : "entrées " + bundle.firstSeq() + " à "
                + bundle.lastSeq() + " (" + bundle.entryCount() + " entrées)") + ", lot exporté le " + bundle.exportedAt()
                + " ; le journal comptait alors " + bundle.treeSize() + " entrées");
        field("Points de contrôle", counts.checkpoints() + " dans le lot, " + counts.validCheckpoints()
                + " signé(s) par la clé épinglée" + (counts.newestCheckpointSize() >= 0
                        ? ", le plus récent de taille " + counts.newestCheckpointSize() : ""));
        field("Point de contrôle connu", knownGiven ? options.knownCheckpoint().orElseThrow().toString()
                : "aucun (--known-checkpoint absent : retour arrière non vérifiable)");
        field("Autorité d'horodatage", tsa.description());
        out.println();
        for (CheckResult check : report.checks()) {
            out.println(symbol(check.status()) + " " + check.check().label() + " : " + check.summary());
            for (Finding failure : check.failures()) {
                out.println("    " + failed + " " + failure.message());
            }
            long untold = check.failureCount() - check.failures().size();
            if (untold > 0) {
                out.println("    … et " + untold + " autre(s) anomalie(s) de ce contrôle");
            }
        }
        out.println();
        if (report.ok()) {
            out.println(SUCCESS);
        } else {
            out.println(FAILURE + report.firstBadSeq().stream().mapToObj(seq -> " — première séquence en cause : " + seq)
                    .findFirst().orElse(" — aucune séquence précise en cause"));
        }
    }

    void printMalformed(Path bundle, String problem) {
        header(bundle);
        out.println();
        out.println(failed + " Structure du lot : " + problem);
        out.println();
        out.println(FAILURE + " — lot mal formé, aucune entrée vérifiée");
    }

    private void header(Path bundle) {
        out.println("Regard — vérification hors ligne du journal");
        field("Lot", bundle.toString());
    }

    private void field(String name, String value) {
        out.printf("  %-24s %s%n", name + " :", value);
    }

    private String symbol(CheckStatus status) {
        return switch (status) {
            case PASSED -> passed;
            case FAILED -> failed;
            case SKIPPED -> skipped;
        };
    }
}
