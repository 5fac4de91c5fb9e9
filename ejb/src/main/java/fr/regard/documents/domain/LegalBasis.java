package fr.regard.documents.domain;

/**
 * A legal text a document applies, cited in French and in English. The list of each document type is printed in the
 * document's "Fondements juridiques" section and written to its data file, so that a reader, the CNIL or a court sees
 * on which rule Regard acted (docs/legal-mapping.md).
 */
public enum LegalBasis {
    CHARTER_3_2("Charte de vidéoprotection de la Ville, article 3.2 (droit d'accès aux enregistrements et de vérification de leur destruction)",
            "City video-protection charter, article 3.2 (right of access to recordings and to verify their destruction)"),
    GDPR_5_2("Règlement (UE) 2016/679 (RGPD), article 5, paragraphe 2 (responsabilité)",
            "Regulation (EU) 2016/679 (GDPR), Article 5(2) (accountability)"),
    GDPR_12("Règlement (UE) 2016/679 (RGPD), article 12 (modalités et délais de réponse)",
            "Regulation (EU) 2016/679 (GDPR), Article 12 (how and when the controller answers)"),
    GDPR_15("Règlement (UE) 2016/679 (RGPD), article 15 (droit d'accès)",
            "Regulation (EU) 2016/679 (GDPR), Article 15 (right of access)"),
    LIL_49("Loi n° 78-17 du 6 janvier 1978, article 49 (droit d'accès)",
            "French Data Protection Act (loi n° 78-17 of 6 January 1978), Article 49 (right of access)"),
    LIL_105("Loi n° 78-17 du 6 janvier 1978, article 105 (droit d'accès, traitements de prévention et de détection des infractions)",
            "French Data Protection Act (loi n° 78-17), Article 105 (right of access, processing to prevent or detect offences)"),
    LIL_107("Loi n° 78-17 du 6 janvier 1978, article 107 (restrictions au droit d'accès)",
            "French Data Protection Act (loi n° 78-17), Article 107 (restrictions of the right of access)"),
    LIL_108("Loi n° 78-17 du 6 janvier 1978, article 108 (exercice du droit d'accès par l'intermédiaire de la CNIL)",
            "French Data Protection Act (loi n° 78-17), Article 108 (right exercised through the CNIL)"),
    LIL_119("Loi n° 78-17 du 6 janvier 1978, article 119 (traitements intéressant la sûreté de l'État et la défense)",
            "French Data Protection Act (loi n° 78-17), Article 119 (processing concerning State security and defence)"),
    LIL_TITRE_III_LOGS("Loi n° 78-17 du 6 janvier 1978, titre III (journalisation des opérations de collecte, consultation, communication et effacement)",
            "French Data Protection Act (loi n° 78-17), Title III (logging of collection, consultation, disclosure and erasure)"),
    CSI_L252_5("Code de la sécurité intérieure, article L252-5 (durée de conservation des enregistrements, un mois au plus)",
            "French Internal Security Code, Article L252-5 (recordings kept one month at most)"),
    CSI_L253_5("Code de la sécurité intérieure, article L253-5 (accès aux images réservé aux agents individuellement désignés et habilités)",
            "French Internal Security Code, Article L253-5 (access to images by individually designated, authorised agents only)"),
    DECREE_2019_536("Décret n° 2019-536 du 29 mai 2019 (identité du demandeur, demande imprécise à compléter)",
            "Decree n° 2019-536 of 29 May 2019 (identity of the requester, imprecise requests to be completed)");

    private final String french;
    private final String english;

    LegalBasis(String french, String english) {
        this.french = french;
        this.english = english;
    }

    /** The citation in the document's language. */
    public String citation(DocumentLanguage language) {
        return language == DocumentLanguage.EN ? english : french;
    }

    public String french() {
        return french;
    }
}
