package fr.regard.journal.infrastructure;

import fr.regard.journal.format.MerkleTree;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The Merkle tree of the published journal (entries up to the newest signed checkpoint), kept for the life of
 * the deployment so that its remembered subtree hashes make proofs cheap.
 */
@ApplicationScoped
public class JournalTree {

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    private MerkleTree tree;

    @PostConstruct
    void init() {
        tree = new MerkleTree(new DbLeafHashes(dataSource, this::publishedSize));
    }

    public MerkleTree tree() {
        return tree;
    }

    /** Size of the newest signed checkpoint (0 before the first one). */
    public long publishedSize() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select max(tree_size) from journal_checkpoint");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the journal's published size", e);
        }
    }
}
