package fr.regard.documents.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The documents Regard issues (DOMAIN.md "Documents"), each with a stable code (never renamed: registries, data files
 * and templates are keyed by it), its French title, its English title when a requester may read it, the template that
 * renders it and the legal texts it applies in every case (a model may add the ones of its case's regime).
 */
public enum DocumentType {
    ACKNOWLEDGEMENT("acknowledgement", "Accusé de réception de votre demande d'accès",
            "Acknowledgement of your access request",
            LegalBasis.CHARTER_3_2, LegalBasis.GDPR_12, LegalBasis.GDPR_15, LegalBasis.LIL_49, LegalBasis.LIL_105,
            LegalBasis.CSI_L252_5),
    COMPLEMENT_REQUEST("complement-request", "Demande de complément d'information",
            "Request for further information",
            LegalBasis.GDPR_12, LegalBasis.GDPR_15, LegalBasis.DECREE_2019_536),
    COMPLEMENT_REMINDER("complement-reminder", "Relance : complément d'information attendu",
            "Reminder: further information awaited",
            LegalBasis.GDPR_12, LegalBasis.DECREE_2019_536),
    CLOSURE_MISSING_COMPLEMENT("closure-missing-complement", "Clôture de votre demande faute de complément",
            "Closure of your request: no further information received",
            LegalBasis.GDPR_12, LegalBasis.DECREE_2019_536),
    EXTENSION_NOTICE("extension-notice", "Notification de prolongation du délai de réponse",
            "Notice of extension of the time to answer",
            LegalBasis.GDPR_12, LegalBasis.GDPR_15),
    RESPONSE_COPY("response-copy", "Réponse à votre demande d'accès : communication des images",
            "Answer to your access request: copy of the footage",
            LegalBasis.GDPR_12, LegalBasis.GDPR_15),
    VIEWING_INVITATION("viewing-invitation", "Convocation au visionnage des images sur place",
            "Invitation to view the footage on site",
            LegalBasis.CHARTER_3_2, LegalBasis.GDPR_15, LegalBasis.CSI_L253_5),
    REFUSAL("refusal", "Refus motivé",
            "Reasoned refusal",
            LegalBasis.GDPR_12),
    FOOTAGE_DESTROYED("footage-destroyed", "Réponse à votre demande d'accès : images détruites",
            "Answer to your access request: footage destroyed",
            LegalBasis.CHARTER_3_2, LegalBasis.GDPR_12, LegalBasis.GDPR_15, LegalBasis.CSI_L252_5),
    NO_DATA("no-data", "Réponse à votre demande d'accès : aucune image vous concernant",
            "Answer to your access request: no footage of you",
            LegalBasis.GDPR_12, LegalBasis.GDPR_15),
    JUDICIAL_HOLD("judicial-hold", "Réponse : images conservées pour une procédure judiciaire",
            "Answer: footage kept for judicial proceedings",
            LegalBasis.CHARTER_3_2, LegalBasis.CSI_L252_5),
    WITHDRAWAL_ACKNOWLEDGEMENT("withdrawal-acknowledgement", "Accusé de réception du retrait de votre demande",
            "Acknowledgement of the withdrawal of your request",
            LegalBasis.GDPR_12),
    EXTRACTION_REPORT("extraction-report", "Procès-verbal d'extraction d'images", null,
            LegalBasis.CSI_L253_5, LegalBasis.GDPR_15, LegalBasis.LIL_TITRE_III_LOGS),
    DESTRUCTION_ATTESTATION("destruction-attestation", "Attestation de destruction des enregistrements",
            "Certificate of destruction of recordings",
            LegalBasis.CHARTER_3_2, LegalBasis.CSI_L252_5),
    PURGE_CERTIFICATE("purge-certificate", "Certificat de purge quotidienne des enregistrements", null,
            LegalBasis.CSI_L252_5, LegalBasis.GDPR_5_2),
    JOURNAL_EXPORT("journal-export", "Export du journal des opérations", null,
            LegalBasis.LIL_TITRE_III_LOGS, LegalBasis.CSI_L253_5, LegalBasis.GDPR_5_2),
    ANNUAL_REPORT("annual-report", "Rapport annuel sur le droit d'accès aux images de vidéoprotection", null,
            LegalBasis.GDPR_5_2, LegalBasis.GDPR_12, LegalBasis.GDPR_15, LegalBasis.LIL_49, LegalBasis.LIL_105,
            LegalBasis.CHARTER_3_2, LegalBasis.CSI_L252_5);

    private final String templateName;
    private final String frenchTitle;
    private final String englishTitle;
    private final List<LegalBasis> legalBases;

    DocumentType(String templateName, String frenchTitle, String englishTitle, LegalBasis... legalBases) {
        this.templateName = templateName;
        this.frenchTitle = frenchTitle;
        this.englishTitle = englishTitle;
        this.legalBases = List.of(legalBases);
    }

    /** Stable code of the type (its enum name). */
    public String code() {
        return name();
    }

    /** Base name of the template, the same in every language folder ({@code fr/acknowledgement.ftlh}). */
    public String templateName() {
        return templateName;
    }

    /** The French title, the one registries and the staff read. */
    public String frenchTitle() {
        return frenchTitle;
    }

    /** Requester-facing documents exist in French and English; the others (staff, auditors) in French only. */
    public boolean requesterFacing() {
        return englishTitle != null;
    }

    public Set<DocumentLanguage> languages() {
        return requesterFacing() ? EnumSet.allOf(DocumentLanguage.class) : EnumSet.of(DocumentLanguage.FR);
    }

    public String title(DocumentLanguage language) {
        if (!languages().contains(language)) {
            throw new IllegalArgumentException("The document " + code() + " (" + frenchTitle + ") exists in French only");
        }
        return language == DocumentLanguage.EN ? englishTitle : frenchTitle;
    }

    /** The texts every document of this type applies; see {@link DocumentModel#legalBases()}. */
    public List<LegalBasis> legalBases() {
        return legalBases;
    }
}
