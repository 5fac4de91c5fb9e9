package fr.regard.journal.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The checkpoints of an audit (docs/journal-format.md, "Audit", checkpoint checks): each signed note is opened with the
 * pinned key and its origin compared with the source's; then sizes must ascend and no size may have two signed
 * roots (a fork). Valid checkpoints are those signed by the pinned key for the right origin; they alone are used to
 * authenticate the tree, and their sizes delimit the ranges that {@link #regionStart} names.
 */
final class CheckpointBook {

    /** One checkpoint line as examined. */
    record Examined(int line, CheckpointEvidence evidence, Checkpoint checkpoint, boolean valid) {
        long size() {
            return checkpoint == null ? -1 : checkpoint.size();
        }
    }

    private final List<Examined> examined = new ArrayList<>();
    private final Map<Long, List<byte[]>> validRoots = new HashMap<>();
    private final NavigableSet<Long> validSizes = new TreeSet<>();

    private CheckpointBook() {
    }

    static CheckpointBook examine(List<CheckpointEvidence> evidences, NoteVerifier pinnedKey, String origin,
            FindingCollector findings) {
        return examine(evidences, pinnedKey, origin, findings, null);
    }

    /**
     * Examines the checkpoints; with {@code workers}, the notes are parsed and their signatures verified on all their
     * threads, then everything else happens here in line order, as on one thread.
     */
    static CheckpointBook examine(List<CheckpointEvidence> evidences, NoteVerifier pinnedKey, String origin,
            FindingCollector findings, AuditWorkers workers) {
        Opened[] opened = workers == null ? null : openAll(evidences, pinnedKey, origin, workers);
        CheckpointBook book = new CheckpointBook();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < evidences.size(); i++) {
            CheckpointEvidence evidence = evidences.get(i);
            String[] problem = new String[1];
            Checkpoint checkpoint;
            if (opened == null) {
                checkpoint = open(evidence, pinnedKey, origin, problem);
            } else {
                checkpoint = opened[i].take(problem);
            }
            boolean valid = problem[0] == null;
            book.examined.add(new Examined(i + 1, evidence, checkpoint, valid));
            problems.add(problem[0]);
            if (valid) {
                book.validSizes.add(checkpoint.size());
                List<byte[]> roots = book.validRoots.computeIfAbsent(checkpoint.size(), size -> new ArrayList<>());
                if (roots.stream().noneMatch(root -> Arrays.equals(root, checkpoint.rootHash()))) {
                    roots.add(checkpoint.rootHash());
                }
            }
        }
        book.reportSignatures(problems, findings);
        book.reportOrder(findings);
        return book;
    }

    /** What {@link #open} gave for one note on a worker: its result, or what it threw (rethrown in line order). */
    private static final class Opened {
        Checkpoint checkpoint;
        String problem;
        Throwable thrown;

        Checkpoint take(String[] problem) {
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
            problem[0] = this.problem;
            return checkpoint;
        }
    }

    /** Notes per task of a parallel examination. */
    private static final int NOTES_PER_TASK = 16;

    private static Opened[] openAll(List<CheckpointEvidence> evidences, NoteVerifier pinnedKey, String origin,
            AuditWorkers workers) {
        int n = evidences.size();
        Opened[] opened = new Opened[n];
        List<AuditWorkers.Task> tasks = new ArrayList<>();
        for (int from = 0; from < n; from += NOTES_PER_TASK) {
            int start = from;
            int end = Math.min(n, from + NOTES_PER_TASK);
            AuditWorkers.Task task = new AuditWorkers.Task() {
                @Override
                void compute(AuditWorkers.Scratch scratch) {
                    for (int i = start; i < end; i++) {
                        Opened result = new Opened();
                        String[] problem = new String[1];
                        try {
                            result.checkpoint = open(evidences.get(i), pinnedKey, origin, problem);
                            result.problem = problem[0];
                        } catch (RuntimeException | Error e) {
                            result.thrown = e;
                        }
                        opened[i] = result;
                    }
                }
            };
            tasks.add(task);
            workers.submit(task);
        }
        for (AuditWorkers.Task task : tasks) {
            workers.awaitDone(task);
            task.rethrowFailure();
        }
        return opened;
    }

    /** Opens a checkpoint; when it is not valid, {@code problem[0]} says why and the unverified body is returned. */
    private static Checkpoint open(CheckpointEvidence evidence, NoteVerifier pinnedKey, String origin, String[] problem) {
        byte[] bytes = evidence.signedNote().getBytes(StandardCharsets.UTF_8);
        SignedNote note;
        Checkpoint body;
        try {
            note = SignedNote.parse(bytes);
            body = Checkpoint.parse(note.text());
        } catch (NoteVerificationException | IllegalArgumentException e) {
            problem[0] = "note signée illisible (" + e.getMessage() + ")";
            return null;
        }
        try {
            note.verify(List.of(pinnedKey));
        } catch (NoteVerificationException e) {
            problem[0] = switch (e.reason()) {
                case NO_KNOWN_SIGNATURE -> "aucune signature de la clé épinglée " + pinnedKey.name()
                        + " (note signée par une autre clé ?)";
                case INVALID_SIGNATURE -> "signature invalide de la clé épinglée (texte modifié après signature ?)";
                default -> "note refusée (" + e.getMessage() + ")";
            };
            return body;
        }
        if (!body.origin().equals(origin)) {
            problem[0] = "origine « " + body.origin() + " » au lieu de « " + origin + " »";
        }
        return body;
    }

    private void reportSignatures(List<String> problems, FindingCollector findings) {
        for (int i = 0; i < examined.size(); i++) {
            Examined e = examined.get(i);
            String problem = problems.get(i);
            if (problem != null) {
                long seq = e.checkpoint() == null ? -1 : regionStart(e.size());
                String what = e.checkpoint() == null ? "Point de contrôle de la ligne " + e.line()
                        : "Point de contrôle de taille " + e.size() + " (ligne " + e.line() + ")";
                findings.fail(AuditCheck.CHECKPOINT_SIGNATURES, seq, () -> what + " : " + problem);
            }
        }
        findings.summary(AuditCheck.CHECKPOINT_SIGNATURES, validCount() + " point(s) de contrôle sur "
                + examined.size() + " signé(s) par la clé épinglée" + sizeRange());
    }

    private void reportOrder(FindingCollector findings) {
        long previous = -1;
        for (Examined e : examined) {
            if (e.checkpoint() == null) {
                continue;
            }
            long size = e.size();
            if (size < previous) {
                long before = previous;
                findings.fail(AuditCheck.CHECKPOINT_ORDER, regionStart(size), () -> "Point de contrôle de taille "
                        + size + " (ligne " + e.line() + ") placé après celui de taille " + before);
            }
            previous = Math.max(previous, size);
        }
        for (Map.Entry<Long, List<byte[]>> roots : validRoots.entrySet()) {
            if (roots.getValue().size() > 1) {
                long size = roots.getKey();
                findings.fail(AuditCheck.CHECKPOINT_ORDER, regionStart(size), () -> "Bifurcation : "
                        + roots.getValue().size() + " racines différentes signées pour la taille " + size);
            }
        }
        findings.summary(AuditCheck.CHECKPOINT_ORDER, "tailles croissantes, une seule racine signée par taille");
    }

    /** The size of the closest valid checkpoint below {@code size}, 0 if none: where its newly covered range starts. */
    long regionStart(long size) {
        Long below = validSizes.lower(size);
        return below == null ? 0 : below;
    }

    List<Examined> examined() {
        return examined;
    }

    /** The distinct roots signed by valid checkpoints of that size (more than one is a fork). */
    List<byte[]> validRoots(long size) {
        return validRoots.getOrDefault(size, List.of());
    }

    /** One root signed for that size, or null. */
    byte[] signedRoot(long size) {
        List<byte[]> roots = validRoots(size);
        return roots.isEmpty() ? null : roots.get(0);
    }

    NavigableSet<Long> validSizes() {
        return validSizes;
    }

    int validCount() {
        return (int) examined.stream().filter(Examined::valid).count();
    }

    long newestValidSize() {
        return validSizes.isEmpty() ? -1 : validSizes.last();
    }

    private String sizeRange() {
        return validSizes.isEmpty() ? "" : validSizes.size() == 1 ? " (taille " + validSizes.first() + ")"
                : " (tailles " + validSizes.first() + " à " + validSizes.last() + ")";
    }
}
