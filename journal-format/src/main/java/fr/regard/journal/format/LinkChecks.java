package fr.regard.journal.format;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checks of an audit that link trees of different sizes (docs/journal-format.md, "Audit"): consistency proofs
 * between known roots; coverage (every entry authenticated by a signed root, no signed checkpoint beyond the
 * entries unless the manifest declares a partial export and a proof links it); rollback against the checkpoint the
 * auditor saw before.
 */
final class LinkChecks {

    private record Edge(long from, long to) {
    }

    private final CheckpointBook book;
    private final EntryStream stream;
    private final FindingCollector findings;
    private final long firstSeq;
    private final OptionalLong declaredLastSeq;
    private final OptionalLong treeSizeAtExport;
    private final Checkpoint known;
    private final List<Edge> verified = new ArrayList<>();
    private final Set<Long> proofSources = new HashSet<>();

    LinkChecks(CheckpointBook book, EntryStream stream, FindingCollector findings, AuditSource source,
            Checkpoint known) {
        this.book = book;
        this.stream = stream;
        this.findings = findings;
        this.firstSeq = source.firstSeq();
        this.declaredLastSeq = source.lastSeq();
        this.treeSizeAtExport = source.treeSizeAtExport();
        this.known = known;
    }

    void consistency(List<ConsistencyProof> proofs) {
        int unanchored = 0;
        for (ConsistencyProof proof : proofs) {
            long from = proof.size1();
            long to = proof.size2();
            proofSources.add(from);
            byte[] root1 = rootAt(from);
            byte[] root2 = rootAt(to);
            if (root1 == null || root2 == null) {
                unanchored++;
                continue;
            }
            if (!proof.verify(root1, root2)) {
                findings.fail(AuditCheck.CONSISTENCY_PROOFS, from, () -> "La preuve de cohérence de la taille " + from
                        + " à la taille " + to + " ne vérifie pas : l'arbre de taille " + to
                        + " ne prolonge pas celui de taille " + from);
                continue;
            }
            verified.add(new Edge(from, to));
            byte[] recomputed = stream.recomputedRoot(from);
            if (trusted(to) && recomputed != null && MessageDigest.isEqual(recomputed, root1)) {
                stream.authenticated().add(from);
            }
        }
        for (long size : book.validSizes().headSet(firstSeq)) {
            if (!proofSources.contains(size)) {
                findings.fail(AuditCheck.CONSISTENCY_PROOFS, -1, () -> "Aucune preuve de cohérence ne relie le point "
                        + "de contrôle de taille " + size + " (antérieur au lot) aux points de contrôle suivants");
            }
        }
        String ignored = unanchored == 0 ? "" : " ; " + unanchored + " preuve(s) ignorée(s) faute de racine connue "
                + "à leurs extrémités (fournir le point de contrôle connu correspondant)";
        if (proofs.isEmpty()) {
            findings.skip(AuditCheck.CONSISTENCY_PROOFS, "aucune preuve de cohérence dans le lot");
        } else {
            findings.summary(AuditCheck.CONSISTENCY_PROOFS, verified.size() + " preuve(s) vérifiée(s)" + ignored);
        }
    }

    void coverage() {
        long size = stream.treeSize();
        long declaredEnd = declaredLastSeq.isPresent() ? declaredLastSeq.getAsLong() + 1 : size;
        long exportSize = treeSizeAtExport.orElse(-1);
        long missingFrom = Math.min(size, declaredEnd);
        boolean partial = exportSize > declaredEnd && size >= declaredEnd;
        int linkedBeyond = 0;
        for (long beyond : book.validSizes().tailSet(size, false)) {
            boolean linked = verified.stream().anyMatch(e -> e.to() == beyond && e.from() <= size
                    && stream.authenticated().contains(e.from()));
            if (partial && beyond <= exportSize && linked) {
                linkedBeyond++;
            } else if (partial && beyond <= exportSize) {
                findings.fail(AuditCheck.COVERAGE, missingFrom, () -> "Le point de contrôle de taille " + beyond
                        + ", postérieur à la période exportée, n'est relié aux entrées du lot par aucune preuve de cohérence");
            } else {
                findings.fail(AuditCheck.COVERAGE, missingFrom, () -> "Troncature : le point de contrôle signé de taille "
                        + beyond + " couvre les entrées " + missingFrom + " à " + (beyond - 1) + ", absentes du lot"
                        + (exportSize >= 0 && beyond > exportSize ? " (le manifeste annonce un journal de " + exportSize
                                + " entrées à l'export)" : ""));
            }
        }
        Long covered = stream.authenticated().floor(size);
        if (size > firstSeq && (covered == null || covered < size)) {
            long start = covered == null || covered < firstSeq ? firstSeq : covered;
            Long cause = stream.explainingAnomaly(start, size);
            findings.fail(AuditCheck.COVERAGE, cause != null ? cause : start, () -> "Entrées " + start + " à "
                    + (size - 1) + " couvertes par aucun point de contrôle signé dont la racine correspond"
                    + (cause != null ? " (conséquence de l'anomalie de l'entrée " + cause + ")" : ""));
        }
        String summary = size > firstSeq ? "entrées " + firstSeq + " à " + (size - 1)
                + " couvertes par une racine signée" : "aucune entrée à couvrir";
        if (partial) {
            summary += " ; période partielle : le journal comptait " + exportSize + " entrées à l'export"
                    + (linkedBeyond > 0 ? ", " + linkedBeyond + " point(s) de contrôle postérieur(s) relié(s) par "
                            + "preuve de cohérence" : "");
        } else {
            summary += " ; aucun point de contrôle signé au-delà des entrées du lot";
        }
        findings.summary(AuditCheck.COVERAGE, summary);
    }

    void rollback(String knownProblem) {
        if (knownProblem != null) {
            findings.fail(AuditCheck.ROLLBACK, -1, () -> "Le point de contrôle connu est refusé : " + knownProblem);
            return;
        }
        if (known == null) {
            findings.skip(AuditCheck.ROLLBACK, "non vérifiée : aucun point de contrôle connu fourni");
            return;
        }
        long knownSize = known.size();
        long newest = book.newestValidSize();
        if (newest < knownSize) {
            long at = Math.max(newest, 0);
            findings.fail(AuditCheck.ROLLBACK, at, () -> "Retour arrière : le point de contrôle valide le plus récent "
                    + "du lot a la taille " + newest + ", alors qu'un point de contrôle de taille " + knownSize
                    + " a déjà été vu ; entrées " + at + " à " + (knownSize - 1) + " en cause");
            return;
        }
        byte[] knownRoot = known.rootHash();
        List<byte[]> signed = book.validRoots(knownSize);
        byte[] recomputed = stream.recomputedRoot(knownSize);
        boolean consistent;
        String how;
        if (!signed.isEmpty()) {
            consistent = signed.stream().allMatch(root -> MessageDigest.isEqual(root, knownRoot));
            how = "même racine signée pour la taille " + knownSize;
        } else if (recomputed != null) {
            consistent = MessageDigest.isEqual(recomputed, knownRoot);
            how = "racine recalculée à la taille " + knownSize + " égale à la racine connue";
        } else {
            boolean proven = verified.stream().anyMatch(e -> e.from() == knownSize && trusted(e.to()));
            if (!proven) {
                String reason = proofSources.contains(knownSize) ? "la preuve de cohérence fournie ne vérifie pas"
                        : "aucune preuve de cohérence depuis la taille " + knownSize + " dans le lot (exporter avec since="
                                + knownSize + ")";
                findings.fail(AuditCheck.ROLLBACK, -1, () -> "Cohérence avec le point de contrôle connu de taille "
                        + knownSize + " non démontrée : " + reason);
                return;
            }
            consistent = true;
            how = "preuve de cohérence depuis la taille " + knownSize;
        }
        if (!consistent) {
            long start = book.regionStart(knownSize);
            findings.fail(AuditCheck.ROLLBACK, start, () -> "Bifurcation ou retour arrière : pour la taille " + knownSize
                    + ", le lot n'a pas la racine du point de contrôle connu ; historique réécrit avant l'entrée "
                    + knownSize);
            return;
        }
        findings.summary(AuditCheck.ROLLBACK, "le lot (point de contrôle le plus récent de taille " + newest
                + ") prolonge le point de contrôle connu de taille " + knownSize + " : " + how);
    }

    /** The root known for a size: signed by a valid checkpoint, else recomputed, else the known checkpoint's. */
    private byte[] rootAt(long size) {
        byte[] signed = book.signedRoot(size);
        if (signed != null) {
            return signed;
        }
        byte[] recomputed = stream.recomputedRoot(size);
        if (recomputed != null) {
            return recomputed;
        }
        return known != null && known.size() == size ? known.rootHash() : null;
    }

    /** Whether the root at this size is vouched for by a signature (valid checkpoint or the known checkpoint). */
    private boolean trusted(long size) {
        return book.signedRoot(size) != null || known != null && known.size() == size
                || stream.authenticated().contains(size);
    }
}
