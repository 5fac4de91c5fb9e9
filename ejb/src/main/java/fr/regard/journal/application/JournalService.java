package fr.regard.journal.application;

import fr.regard.documents.domain.TimestampAuthority;
import fr.regard.journal.domain.JournalActions;
import fr.regard.journal.domain.JournalEvent;
import fr.regard.journal.format.AuditReport;
import fr.regard.journal.format.CheckpointEvidence;
import fr.regard.journal.format.ConsistencyProof;
import fr.regard.journal.format.JournalAudit;
import fr.regard.journal.format.JournalBundle;
import fr.regard.journal.format.JournalBundleWriter;
import fr.regard.journal.format.KnownCheckpoint;
import fr.regard.journal.infrastructure.DbAuditSource;
import fr.regard.journal.infrastructure.PublishedCheckpointFile;
import fr.regard.journal.format.InclusionProof;
import fr.regard.journal.infrastructure.JournalIntegrator;
import fr.regard.journal.infrastructure.JournalKeys;
import fr.regard.journal.infrastructure.JournalTree;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The journal as the public and auditors see it: the newest signed checkpoint, the verifier key, and proofs
 * (hashes only) that an entry is in the tree or that two tree sizes are consistent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JournalService {

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Inject
    JournalIntegrator integrator;

    @Inject
    JournalKeys keys;

    @Inject
    JournalTree tree;

    @Inject
    JournalAccessRecorder recorder;

    @Inject
    PublishedCheckpointFile published;

    @Inject
    TimestampAuthority tsa;

    /** The newest signed checkpoint (a C2SP signed note); publishes one first if none exists yet. */
    public String latestCheckpoint() {
        return newestNote().orElseGet(() -> integrator.integrate().note());
    }

    /** Sequences pending entries and signs a checkpoint now (on demand), returning the newest checkpoint. */
    public String publishNow() {
        return integrator.integrate().note();
    }

    /** The journal's public key in the C2SP signed-note verifier key format. */
    public String verifierKey() {
        return keys.verifier().verifierKey();
    }

    public long publishedSize() {
        return tree.publishedSize();
    }

    /** Audit path of entry {@code seq} in the published tree of {@code treeSize} entries, with its leaf hash. */
    public InclusionProofView inclusion(long seq, long treeSize) {
        long published = tree.publishedSize();
        if (treeSize < 1 || treeSize > published) {
            throw new JournalQueryException("treeSize", "La taille d'arbre doit être comprise entre 1 et " + published + ".");
        }
        if (seq < 0 || seq >= treeSize) {
            throw new JournalQueryException("seq", "La séquence doit être comprise entre 0 et " + (treeSize - 1) + ".");
        }
        InclusionProof proof = tree.tree().inclusionProof(seq, treeSize);
        return new InclusionProofView(seq, treeSize, tree.tree().rootHash(treeSize),
                leafHash(seq), proof.path());
    }

    /** Consistency proof between the published trees of {@code from} and {@code to} entries. */
    public ConsistencyProofView consistency(long from, long to) {
        long published = tree.publishedSize();
        if (to < 0 || to > published) {
            throw new JournalQueryException("to", "La taille d'arbre doit être comprise entre 0 et " + published + ".");
        }
        if (from < 0 || from > to) {
            throw new JournalQueryException("from", "La taille de départ doit être comprise entre 0 et " + to + ".");
        }
        ConsistencyProof proof = tree.tree().consistencyProof(from, to);
        return new ConsistencyProofView(from, to, tree.tree().rootHash(from), tree.tree().rootHash(to), proof.hashes());
    }

    /**
     * The server's own integrity check: the whole stored journal through the same {@link JournalAudit} auditors
     * run offline, against the journal key; the witness file (newest checkpoint published before) reveals a
     * rollback of the database. On one thread: the application server manages its threads (no unmanaged worker
     * threads in a Jakarta EE component), and this check is bound by reading the database anyway.
     */
    public AuditReport integrity(String actor, String role) {
        recorder.record(JournalEvent.on(actor, role, JournalActions.JOURNAL_CHECKED, "journal", keys.origin()));
        try {
            Optional<KnownCheckpoint> known = published.read().map(KnownCheckpoint::ofSignedNote);
            return JournalAudit.run(new DbAuditSource(dataSource, keys.origin()), keys.verifier(), known, null, 1);
        } catch (IOException e) {
            throw new IllegalStateException("The journal could not be read for its integrity check", e);
        }
    }

    /**
     * Writes an auditor bundle (regard-journal-bundle/1, zip) of entries {@code from..to} of the published
     * journal: prefix, entries with their stored leaf hashes, the checkpoints covering them and the newest one,
     * consistency proofs up to the newest (and from {@code since}, the auditor's last known size), public keys.
     */
    public void exportBundle(Long from, Long to, Long since, OutputStream out, String actor, String role) {
        BundlePlan plan = planBundle(from, to, since);
        recorder.record(JournalEvent.on(actor, role, JournalActions.JOURNAL_EXPORTED, "journal", keys.origin())
                .withPurpose("Contrôle du journal")
                .withDetail("from", Long.toString(plan.from()))
                .withDetail("to", Long.toString(plan.to())));
        try (Connection c = dataSource.getConnection()) {
            List<CheckpointEvidence> checkpoints = new ArrayList<>();
            List<ConsistencyProof> proofs = new ArrayList<>();
            long newest = plan.newestSize();
            CheckpointEvidence olderAnchor = null;
            for (CheckpointEvidence evidence : DbAuditSource.checkpoints(c)) {
                long size = sizeOf(evidence);
                if (size < plan.from()) {
                    olderAnchor = evidence;
                } else if (size <= plan.to() + 1 || size == newest) {
                    checkpoints.add(evidence);
                }
            }
            if (olderAnchor != null) {
                // the newest checkpoint before the period anchors it, proven consistent with the newest one
                checkpoints.add(0, olderAnchor);
                proofs.add(tree.tree().consistencyProof(sizeOf(olderAnchor), newest));
            }
            if (plan.to() + 1 < newest) {
                proofs.add(tree.tree().consistencyProof(plan.to() + 1, newest));
            }
            if (since != null && since > 0 && since < newest) {
                proofs.add(tree.tree().consistencyProof(since, newest));
            }
            JournalBundle bundle = JournalBundle.builder()
                    .origin(keys.origin())
                    .entries(plan.from(), plan.to())
                    .treeSize(newest)
                    .exportedAt(Instant.now())
                    .prefix(tree.tree().compactRange(plan.from()))
                    .checkpoints(checkpoints)
                    .consistencyProofs(proofs)
                    .verifierKey(keys.verifier().verifierKey())
                    .tsaCertificatesPem(pem(tsa.certificateChain()))
                    .build();
            try (JournalBundleWriter writer = JournalBundleWriter.toZip(out, bundle);
                 PreparedStatement select = c.prepareStatement("select seq, canonical, leaf_hash from journal_entry "
                         + "where seq >= ? and seq <= ? order by seq")) {
                select.setLong(1, plan.from());
                select.setLong(2, plan.to());
                select.setFetchSize(2000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        writer.append(rs.getString(2).getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(rs.getString(3)));
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The journal bundle could not be written", e);
        }
    }

    /** Entries {@code from..from+limit-1} of the published journal, as stored (canonical text, leaf hash). */
    public List<StoredEntry> entries(long from, int limit) {
        long published = tree.publishedSize();
        if (from < 0 || from > published) {
            throw new JournalQueryException("from", "La séquence de départ doit être comprise entre 0 et " + published + ".");
        }
        if (limit < 1 || limit > 1000) {
            throw new JournalQueryException("limit", "Le nombre d'entrées doit être compris entre 1 et 1000.");
        }
        List<StoredEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select seq, canonical, leaf_hash from journal_entry "
                     + "where seq >= ? and seq < ? order by seq")) {
            select.setLong(1, from);
            select.setLong(2, Math.min(published, from + limit));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read journal entries", e);
        }
        return entries;
    }

    /** Checks an export range before anything is streamed; throws {@link JournalQueryException} naming the field. */
    public void checkBundleRange(Long from, Long to, Long since) {
        planBundle(from, to, since);
    }

    private BundlePlan planBundle(Long from, Long to, Long since) {
        long newest = tree.publishedSize();
        long first = from == null ? 0 : from;
        long last = to == null ? newest - 1 : to;
        if (first < 0 || first > newest) {
            throw new JournalQueryException("from", "La séquence de départ doit être comprise entre 0 et " + newest + ".");
        }
        if (last < first - 1 || last >= newest) {
            throw new JournalQueryException("to", "La séquence de fin doit être comprise entre " + (first - 1) + " et "
                    + (newest - 1) + " (entrées publiées).");
        }
        if (since != null && (since < 0 || since > newest)) {
            throw new JournalQueryException("since", "La taille connue doit être comprise entre 0 et " + newest + ".");
        }
        return new BundlePlan(first, last, newest);
    }

    private record BundlePlan(long from, long to, long newestSize) {
    }

    private static long sizeOf(CheckpointEvidence evidence) {
        String[] lines = evidence.signedNote().split("\n", 3);
        return Long.parseLong(lines[1]);
    }

    private static String pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("Unreadable TSA certificate", e);
            }
        }
        return pem.toString();
    }

    private Optional<String> newestNote() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select note from journal_checkpoint "
                     + "where tree_size = (select max(tree_size) from journal_checkpoint)");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the newest journal checkpoint", e);
        }
    }

    private byte[] leafHash(long seq) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select leaf_hash from journal_entry where seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? HexFormat.of().parseHex(rs.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read journal entry " + seq, e);
        }
    }
}
