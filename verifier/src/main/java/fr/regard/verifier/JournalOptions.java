package fr.regard.verifier;

import java.nio.file.Path;
import java.util.Optional;

import fr.regard.journal.format.JournalAudit;

/**
 * The options of {@code journal} (verifier/README.md): the pinned key (value or {@code @file}), the known
 * checkpoint, the trusted TSA certificates, where to save the newest checkpoint, the number of threads of the audit
 * (default {@link JournalAudit#defaultThreads()}), and the bundle.
 */
record JournalOptions(String vkey, Optional<Path> knownCheckpoint, Optional<Path> tsaCertificates,
        Optional<Path> saveCheckpoint, int threads, Path bundle, boolean help) {

    static JournalOptions parse(String[] args) throws UsageException {
        String vkey = null;
        Path known = null;
        Path tsa = null;
        Path save = null;
        Path bundle = null;
        String threads = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "-h", "--help" -> {
                    return new JournalOptions(null, Optional.empty(), Optional.empty(), Optional.empty(), 1, null, true);
                }
                case "--vkey" -> vkey = once(vkey, name, value != null ? value : next(args, ++i, name));
                case "--known-checkpoint" -> known = Path.of(once(known, name, value != null ? value : next(args, ++i, name)));
                case "--tsa-cert" -> tsa = Path.of(once(tsa, name, value != null ? value : next(args, ++i, name)));
                case "--save-checkpoint" -> save = Path.of(once(save, name, value != null ? value : next(args, ++i, name)));
                case "--threads" -> threads = once(threads, name, value != null ? value : next(args, ++i, name));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("option inconnue « " + arg + " » (--help pour l'aide)");
                    }
                    if (bundle != null) {
                        throw new UsageException("un seul lot à vérifier, pas « " + bundle + " » et « " + arg + " »");
                    }
                    bundle = Path.of(arg);
                }
            }
        }
        if (vkey == null) {
            throw new UsageException("--vkey est obligatoire : la clé de vérification publiée par la ville");
        }
        if (bundle == null) {
            throw new UsageException("indiquez le lot à vérifier (répertoire ou fichier .zip)");
        }
        return new JournalOptions(vkey, Optional.ofNullable(known), Optional.ofNullable(tsa), Optional.ofNullable(save),
                threads == null ? JournalAudit.defaultThreads() : threads(threads), bundle, false);
    }

    private static int threads(String value) throws UsageException {
        int threads;
        try {
            threads = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            threads = 0;
        }
        if (threads < 1 || threads > JournalAudit.MAX_THREADS) {
            throw new UsageException("--threads attend un nombre de 1 à " + JournalAudit.MAX_THREADS + ", pas « " + value
                    + " »");
        }
        return threads;
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].isEmpty()) {
            throw new UsageException(option + " attend une valeur");
        }
        return args[i];
    }

    private static <T> String once(T previous, String option, String value) throws UsageException {
        if (previous != null) {
            throw new UsageException(option + " est donnée deux fois");
        }
        return value;
    }
}
