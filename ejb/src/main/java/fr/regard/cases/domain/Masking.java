package fr.regard.cases.domain;

/**
 * How the third parties visible in an extract were dealt with (GDPR art. 15(4): a copy must not harm others).
 * {@link #IMPOSSIBLE} rules out a full grant: the DPO answers partially or refuses on the rights of others.
 */
public enum Masking {
    APPLIED("Tiers masqués"),
    NOT_NEEDED("Aucun tiers visible"),
    IMPOSSIBLE("Masquage des tiers impossible");

    private final String label;

    Masking(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
