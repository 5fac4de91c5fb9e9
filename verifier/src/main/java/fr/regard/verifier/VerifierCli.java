package fr.regard.verifier;

import java.io.PrintStream;
import java.security.Security;
import java.util.Arrays;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import fr.regard.journal.format.JournalAudit;
import fr.regard.journal.format.NoteVerifier;

/**
 * The command line of the offline verifier (verifier/README.md): {@code journal} verifies an exported journal
 * bundle; {@code pdf} verifies a document sealed by Regard. Never calls {@link System#exit}: {@link #run} returns the
 * exit code, 0 when the verification succeeds, 1 when it fails, 2 for a usage or input error (one line, no stack
 * trace).
 */
public final class VerifierCli {

    public static final int SUCCESS = 0;
    public static final int VERIFICATION_FAILED = 1;
    public static final int USAGE_ERROR = 2;

    static final String USAGE = """
            Usage : java -jar regard-verifier.jar <commande> [options]

            Commandes :
              journal   vérifie un lot du journal exporté par Regard (répertoire ou fichier .zip)
              pdf       vérifie un document PDF scellé par Regard (cachet, intégrité, signataire, date, niveau)

            java -jar regard-verifier.jar journal --vkey <clé | @fichier> [--known-checkpoint <fichier>]
                    [--tsa-cert <fichier.pem>] [--save-checkpoint <fichier>] [--threads <n>] <lot>

              --vkey <clé | @fichier>        clé de vérification du journal (format C2SP « nom+id+clé »), telle que
                                             publiée par la ville ; @fichier pour la lire dans un fichier
              --known-checkpoint <fichier>   le dernier point de contrôle signé que vous avez déjà vu : détecte un
                                             retour arrière ou une réécriture de l'historique
              --tsa-cert <fichier.pem>       certificat(s) de l'autorité d'horodatage RFC 3161 de confiance
                                             (à défaut : keys/tsa.pem du lot, non épinglé)
              --save-checkpoint <fichier>    si la vérification réussit, enregistre le point de contrôle le plus
                                             récent du lot, à donner en --known-checkpoint la prochaine fois
              --threads <n>                  nombre de fils d'exécution de la vérification (défaut : les processeurs
                                             disponibles, %d au plus) ; 1 pour tout vérifier sur un seul fil. Le
                                             rapport est le même quel que soit n
              -h, --help                     affiche cette aide

            java -jar regard-verifier.jar pdf [--ca <fichier.pem>] <document.pdf>

              --ca <fichier.pem>             certificat de l'autorité de la ville (ou du cachet), tel que publié par la
                                             ville : épingle la confiance ; à défaut, l'autorité racine fournie par le
                                             document est utilisée et signalée comme non épinglée

            Codes de sortie : 0 vérification réussie, 1 vérification échouée, 2 erreur d'utilisation ou de lecture.
            """.formatted(JournalAudit.MAX_DEFAULT_THREADS);

    private VerifierCli() {
    }

    /**
     * Verifies Ed25519 checkpoint signatures with BouncyCastle, about eight times faster than the JDK's pure-Java
     * EdDSA (docs/performance.md). BouncyCastle is appended after the JDK providers, so everything else, SHA-256 with its
     * CPU intrinsics first of all, still comes from the JDK.
     */
    public static void useBouncyCastleForSignatures() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        Security.setProperty(NoteVerifier.VERIFY_PROVIDER_PROPERTY, BouncyCastleProvider.PROVIDER_NAME);
    }

    /** Runs a command with ✔/✘ marks; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, true);
    }

    /** Runs a command; {@code unicode} false prints [OK]/[KO] for consoles that cannot show ✔/✘. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean unicode) {
        if (args.length == 0) {
            err.print(USAGE);
            return USAGE_ERROR;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "-h", "--help", "help":
                out.print(USAGE);
                return SUCCESS;
            case "journal":
                return JournalCommand.run(rest, out, err, unicode);
            case "pdf":
                return PdfCommand.run(rest, out, err, unicode);
            default:
                err.println("Erreur : commande inconnue « " + args[0] + " » (journal, pdf ; --help pour l'aide).");
                return USAGE_ERROR;
        }
    }
}
