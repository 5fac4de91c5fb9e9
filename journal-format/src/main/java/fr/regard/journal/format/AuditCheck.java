package fr.regard.journal.format;

/**
 * The checks of a journal audit (docs/journal-format.md, "Audit"), in report order, each with a stable identifier and
 * the French label auditors read.
 */
public enum AuditCheck {
    STRUCTURE("structure", "Structure du lot"),
    CHECKPOINT_SIGNATURES("checkpoint-signatures", "Signatures des points de contrôle"),
    CHECKPOINT_ORDER("checkpoint-order", "Ordre des points de contrôle, sans bifurcation"),
    ENTRY_FORMAT("entry-format", "Format canonique des entrées"),
    ENTRY_SEQUENCE("entry-sequence", "Continuité de la numérotation des entrées"),
    ENTRY_TIMES("entry-times", "Chronologie des entrées"),
    LEAF_HASHES("leaf-hashes", "Empreintes des entrées"),
    TREE_ROOTS("tree-roots", "Racines de l'arbre aux points de contrôle"),
    CONSISTENCY_PROOFS("consistency-proofs", "Preuves de cohérence"),
    COVERAGE("coverage", "Couverture des entrées par les points de contrôle (troncature)"),
    ROLLBACK("rollback", "Absence de retour arrière"),
    TIMESTAMPS("timestamps", "Horodatages RFC 3161 des points de contrôle");

    private final String id;
    private final String label;

    AuditCheck(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Stable English identifier, e.g. {@code leaf-hashes}. */
    public String id() {
        return id;
    }

    /** French label for reports. */
    public String label() {
        return label;
    }
}
