package fr.regard.cases.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of grounds on which the DPO may refuse or restrict access (DOMAIN.md: "each refusal ground is an
 * entry of one catalogue (ground, legal basis, text for the letter), never free text alone"). A ground applies
 * under one regime only; the loi 78-17 art. 107 restrictions open indirect access through the CNIL (art. 108),
 * which the letter then explains.
 *
 * <p>The texts are the paragraphs of the refusal letter (refus motivé); the DPO adds the case's own reasons in the
 * decision note. Numbering of art. 107 follows its version from ordonnance 2018-1125 (I, 1° to 5°).
 */
public enum RefusalGround {

    MANIFESTLY_UNFOUNDED(RecordRegime.GDPR_ART15, "RGPD art. 12, paragraphe 5", false,
            "Demande manifestement infondée",
            "En application de l'article 12, paragraphe 5, du règlement général sur la protection des données, la Ville "
                    + "ne donne pas suite à votre demande, qu'elle estime manifestement infondée pour les raisons "
                    + "exposées ci-dessous ; il lui appartient d'en démontrer le caractère manifestement infondé."),
    MANIFESTLY_EXCESSIVE(RecordRegime.GDPR_ART15, "RGPD art. 12, paragraphe 5", false,
            "Demande manifestement excessive, notamment par son caractère répétitif",
            "En application de l'article 12, paragraphe 5, du règlement général sur la protection des données, la Ville "
                    + "ne donne pas suite à votre demande, qu'elle estime manifestement excessive, notamment en raison "
                    + "de son caractère répétitif, pour les raisons exposées ci-dessous ; il lui appartient d'en "
                    + "démontrer le caractère manifestement excessif."),
    RIGHTS_OF_OTHERS(RecordRegime.GDPR_ART15, "RGPD art. 15, paragraphe 4", false,
            "Atteinte aux droits et libertés d'autrui (masquage des tiers impossible)",
            "Le droit d'obtenir une copie des images ne peut porter atteinte aux droits et libertés d'autrui (article 15, "
                    + "paragraphe 4, du règlement général sur la protection des données). Les autres personnes visibles "
                    + "sur les images ne peuvent pas être masquées sans rendre celles-ci inexploitables : la Ville ne peut "
                    + "donc pas vous communiquer ces images."),
    OBSTRUCT_INQUIRIES(RecordRegime.LIL_TITRE_III, "Loi 78-17 art. 107, I, 1°", true,
            "Éviter de gêner des enquêtes, recherches ou procédures officielles ou judiciaires",
            "En application de l'article 107 de la loi n° 78-17 du 6 janvier 1978, votre droit d'accès fait l'objet "
                    + "d'une restriction afin d'éviter de gêner des enquêtes, des recherches ou des procédures "
                    + "officielles ou judiciaires."),
    PREJUDICE_CRIMINAL_PROCEEDINGS(RecordRegime.LIL_TITRE_III, "Loi 78-17 art. 107, I, 2°", true,
            "Éviter de nuire à la prévention, à la détection ou à la poursuite d'infractions pénales",
            "En application de l'article 107 de la loi n° 78-17 du 6 janvier 1978, votre droit d'accès fait l'objet "
                    + "d'une restriction afin d'éviter de nuire à la prévention ou à la détection d'infractions pénales, "
                    + "aux enquêtes ou aux poursuites en la matière ou à l'exécution de sanctions pénales."),
    PUBLIC_SECURITY(RecordRegime.LIL_TITRE_III, "Loi 78-17 art. 107, I, 3°", true,
            "Protéger la sécurité publique",
            "En application de l'article 107 de la loi n° 78-17 du 6 janvier 1978, votre droit d'accès fait l'objet "
                    + "d'une restriction afin de protéger la sécurité publique."),
    NATIONAL_SECURITY(RecordRegime.LIL_TITRE_III, "Loi 78-17 art. 107, I, 4°", true,
            "Protéger la sécurité nationale",
            "En application de l'article 107 de la loi n° 78-17 du 6 janvier 1978, votre droit d'accès fait l'objet "
                    + "d'une restriction afin de protéger la sécurité nationale."),
    RIGHTS_OF_OTHERS_TITRE_III(RecordRegime.LIL_TITRE_III, "Loi 78-17 art. 107, I, 5°", true,
            "Protéger les droits et libertés d'autrui",
            "En application de l'article 107 de la loi n° 78-17 du 6 janvier 1978, votre droit d'accès fait l'objet "
                    + "d'une restriction afin de protéger les droits et libertés d'autrui.");

    /** Paragraph added to a letter citing any art. 107 ground (loi 78-17 art. 108). */
    public static final String INDIRECT_ACCESS_TEXT = "Conformément à l'article 108 de la loi n° 78-17 du 6 janvier 1978, "
            + "vous pouvez exercer votre droit d'accès par l'intermédiaire de la Commission nationale de l'informatique "
            + "et des libertés (CNIL), qui procédera aux vérifications nécessaires et vous informera de leur issue.";

    /** Remedies every refusal names (GDPR art. 12(4); loi 78-17 art. 107 and 108; code de justice administrative). */
    public static final String REMEDIES_TEXT = "Vous pouvez introduire une réclamation auprès de la Commission nationale "
            + "de l'informatique et des libertés (CNIL, www.cnil.fr) et former un recours devant le tribunal "
            + "administratif compétent dans un délai de deux mois à compter de la réception de ce courrier.";

    private final RecordRegime regime;
    private final String legalBasis;
    private final boolean opensIndirectAccess;
    private final String label;
    private final String letterText;

    RefusalGround(RecordRegime regime, String legalBasis, boolean opensIndirectAccess, String label, String letterText) {
        this.regime = regime;
        this.legalBasis = legalBasis;
        this.opensIndirectAccess = opensIndirectAccess;
        this.label = label;
        this.letterText = letterText;
    }

    public static Optional<RefusalGround> byCode(String code) {
        return Arrays.stream(values()).filter(g -> g.name().equals(code)).findFirst();
    }

    public static List<RefusalGround> applicableTo(RecordRegime regime) {
        return Arrays.stream(values()).filter(g -> g.regime == regime).toList();
    }

    public String code() {
        return name();
    }

    public RecordRegime regime() {
        return regime;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** Loi 78-17 art. 108: the requester may exercise the right through the CNIL. */
    public boolean opensIndirectAccess() {
        return opensIndirectAccess;
    }

    /** Short French label for the DPO's choice list and the case view. */
    public String label() {
        return label;
    }

    /** The French paragraph of the refusal letter. */
    public String letterText() {
        return letterText;
    }
}
