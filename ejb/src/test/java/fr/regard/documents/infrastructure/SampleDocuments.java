package fr.regard.documents.infrastructure;

import fr.regard.cases.domain.Masking;
import fr.regard.cases.domain.RecordRegime;
import fr.regard.cases.domain.RefusalGround;
import fr.regard.documents.domain.Acknowledgement;
import fr.regard.documents.domain.AnnualReport;
import fr.regard.documents.domain.ClosureMissingComplement;
import fr.regard.documents.domain.ComplementReminder;
import fr.regard.documents.domain.ComplementRequest;
import fr.regard.documents.domain.JudicialHold;
import fr.regard.documents.domain.NoData;
import fr.regard.documents.domain.WithdrawalAcknowledgement;
import fr.regard.documents.domain.DestructionAttestation;
import fr.regard.documents.domain.DocumentModel;
import fr.regard.documents.domain.DocumentType;
import fr.regard.documents.domain.ExtensionNotice;
import fr.regard.documents.domain.ExtractionReport;
import fr.regard.documents.domain.FootageDestroyed;
import fr.regard.documents.domain.FootageWindow;
import fr.regard.documents.domain.JournalExport;
import fr.regard.documents.domain.PurgeCertificate;
import fr.regard.documents.domain.Recipient;
import fr.regard.documents.domain.Refusal;
import fr.regard.documents.domain.ResponseCopy;
import fr.regard.documents.domain.ViewingInvitation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Realistic documents of one case (a request about the Grand'Place on the evening of 3 March 2026) and of the
 * service (purge, journal, annual report): every type once, with the French dates the tests look for.
 */
final class SampleDocuments {

    static final String CASE = "REG-2026-000142";
    static final Recipient RECIPIENT = new Recipient("Mme Camille Durand",
            List.of("12 rue Esquermoise", "59800 Lille"), "camille.durand@example.org");
    static final FootageWindow FACTS = new FootageWindow("Grand'Place, devant la Vieille Bourse",
            Instant.parse("2026-03-03T17:30:00Z"), Instant.parse("2026-03-03T18:15:00Z"));
    static final Instant RECEIVED = Instant.parse("2026-03-04T08:12:00Z");
    static final Instant ISSUED = Instant.parse("2026-03-04T09:00:00Z");
    static final String SHA_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String SHA_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private SampleDocuments() {
    }

    static DocumentModel of(DocumentType type) {
        return switch (type) {
            case ACKNOWLEDGEMENT -> new Acknowledgement(CASE, ISSUED, RECIPIENT, RECEIVED, FACTS, true, 14,
                    LocalDate.of(2026, 4, 7), "https://regard.lille.fr/suivi/6Jb2kQ9xWm4TzR7pLc3VnH", false);
            case COMPLEMENT_REQUEST -> new ComplementRequest(CASE, Instant.parse("2026-03-06T10:00:00Z"), RECIPIENT, RECEIVED,
                    List.of("Une description de votre tenue vestimentaire le jour des faits",
                            "L'heure approximative de votre passage devant la Vieille Bourse"),
                    false, LocalDate.of(2026, 3, 21), true, "https://regard.lille.fr/suivi/6Jb2kQ9xWm4TzR7pLc3VnH");
            case COMPLEMENT_REMINDER -> new ComplementReminder(CASE, Instant.parse("2026-03-16T08:00:00Z"), RECIPIENT, RECEIVED,
                    LocalDate.of(2026, 3, 21), "https://regard.lille.fr/api/v1/tracking/");
            case CLOSURE_MISSING_COMPLEMENT -> new ClosureMissingComplement(CASE, Instant.parse("2026-03-22T08:00:00Z"),
                    RECIPIENT, RECEIVED, LocalDate.of(2026, 3, 21));
            case NO_DATA -> new NoData(CASE, Instant.parse("2026-03-20T15:30:00Z"), RECIPIENT, RECEIVED, FACTS);
            case JUDICIAL_HOLD -> new JudicialHold(CASE, Instant.parse("2026-03-25T11:00:00Z"), RECIPIENT, RECEIVED, FACTS, 14);
            case WITHDRAWAL_ACKNOWLEDGEMENT -> new WithdrawalAcknowledgement(CASE, Instant.parse("2026-03-09T13:05:00Z"),
                    RECIPIENT, RECEIVED, Instant.parse("2026-03-09T13:04:00Z"));
            case EXTENSION_NOTICE -> new ExtensionNotice(CASE, Instant.parse("2026-03-27T14:00:00Z"), RECIPIENT, RECEIVED,
                    LocalDate.of(2026, 4, 7), LocalDate.of(2026, 6, 8),
                    "Les images de sept caméras doivent être examinées et de nombreux tiers masqués avant communication.");
            case RESPONSE_COPY -> new ResponseCopy(CASE, Instant.parse("2026-03-20T15:30:00Z"), RECIPIENT,
                    RecordRegime.GDPR_ART15, FACTS, "https://regard.lille.fr/telechargement/Qm7Tz2Lx9Vb4Nc8Hk1Pw",
                    Instant.parse("2026-04-19T21:59:00Z"), true);
            case VIEWING_INVITATION -> new ViewingInvitation(CASE, Instant.parse("2026-03-20T15:30:00Z"), RECIPIENT,
                    RecordRegime.GDPR_ART15, FACTS, Instant.parse("2026-03-26T09:30:00Z"), 45,
                    "Centre de supervision urbain, Hôtel de Police Municipale, 2 bis rue Frédéric Mottez, 59000 Lille");
            case REFUSAL -> new Refusal(CASE, Instant.parse("2026-03-25T11:00:00Z"), RECIPIENT, RECEIVED,
                    RecordRegime.LIL_TITRE_III, false,
                    List.of(RefusalGround.OBSTRUCT_INQUIRIES, RefusalGround.RIGHTS_OF_OTHERS_TITRE_III),
                    "Les images font l'objet d'une réquisition judiciaire du 5 mars 2026 dans une enquête en cours.");
            case FOOTAGE_DESTROYED -> new FootageDestroyed(CASE, Instant.parse("2026-03-30T10:00:00Z"), RECIPIENT,
                    Instant.parse("2026-03-28T08:00:00Z"), FACTS, 14, Instant.parse("2026-03-18T02:10:00Z"),
                    "PURGE-2026-03-18");
            case EXTRACTION_REPORT -> new ExtractionReport(CASE, Instant.parse("2026-03-12T16:45:00Z"),
                    "Agent J. Martin (opérateur habilité n° 17)", "M. P. Leroy, délégué à la protection des données",
                    "Communication au demandeur des images le concernant (RGPD art. 15)",
                    Instant.parse("2026-03-12T16:20:00Z"), FACTS.start(), FACTS.end(),
                    List.of(new ExtractionReport.ExtractedFile("LIL-014", FACTS.start(), FACTS.end(),
                                    "REG-2026-000142-LIL-014.mp4", 48_213_504L, SHA_A),
                            new ExtractionReport.ExtractedFile("LIL-015", FACTS.start(), FACTS.end(),
                                    "REG-2026-000142-LIL-015.mp4", 51_002_112L, SHA_B)),
                    Masking.APPLIED, "Floutage des visages et silhouettes des tiers, image par image");
            case DESTRUCTION_ATTESTATION -> new DestructionAttestation(CASE, Instant.parse("2026-03-20T09:00:00Z"), RECIPIENT,
                    FACTS, List.of("LIL-014", "LIL-015"), 14, Instant.parse("2026-03-18T02:10:00Z"), "PURGE-2026-03-18", true);
            case PURGE_CERTIFICATE -> new PurgeCertificate("PURGE-2026-03-18", Instant.parse("2026-03-18T02:30:00Z"),
                    LocalDate.of(2026, 3, 18), Instant.parse("2026-03-18T02:00:00Z"), Instant.parse("2026-03-18T02:12:41Z"), 14,
                    List.of(new PurgeCertificate.CameraPurge("LIL-014", 1_440, 2_936_012_800L,
                                    Instant.parse("2026-03-03T23:00:00Z"), Instant.parse("2026-03-04T23:00:00Z"), SHA_A),
                            new PurgeCertificate.CameraPurge("LIL-015", 1_440, 3_001_548_288L,
                                    Instant.parse("2026-03-03T23:00:00Z"), Instant.parse("2026-03-04T23:00:00Z"), SHA_B)),
                    90, 412, SHA_A, List.of(new PurgeCertificate.DestroyedSegment("LIL-014",
                            Instant.parse("2026-03-03T23:00:00Z"), Instant.parse("2026-03-03T23:01:00Z"), 2_038_898L, SHA_B)));
            case JOURNAL_EXPORT -> new JournalExport("JOURNAL-2026-03", Instant.parse("2026-04-02T08:00:00Z"),
                    "Commission départementale de vidéoprotection du Nord", "Contrôle annuel des accès aux images",
                    Instant.parse("2026-02-28T23:00:00Z"), Instant.parse("2026-03-31T22:00:00Z"), 18_342,
                    SHA_A, SHA_B,
                    List.of(new JournalExport.Entry(18_001, Instant.parse("2026-03-04T08:12:00Z"), "système", "CASE_RECEIVED",
                                    CASE, "Réception d'une demande d'accès", SHA_A),
                            new JournalExport.Entry(18_002, Instant.parse("2026-03-04T08:12:01Z"), "système", "FOOTAGE_HOLD_PLACED",
                                    CASE, "Conservation des images demandées", SHA_A),
                            new JournalExport.Entry(18_120, Instant.parse("2026-03-12T16:20:00Z"), "j.martin", "FOOTAGE_EXTRACTED",
                                    CASE, "Communication au demandeur", SHA_B)),
                    "regard.example/journal\n18342\nAAAA\n\n— regard.example/journal AAAA\n");
            case ANNUAL_REPORT -> new AnnualReport("RAPPORT-2025", Instant.parse("2026-01-15T10:00:00Z"), 2025,
                    new AnnualReport.Requests(214, 151, 48, 15, 22, 187),
                    new AnnualReport.Outcomes(96, 31, 12, 9, 38, 17, 6, 5, 4),
                    new AnnualReport.Delays(18.5, 7, 2),
                    List.of(new AnnualReport.GroundCount(RefusalGround.OBSTRUCT_INQUIRIES, 6),
                            new AnnualReport.GroundCount(RefusalGround.RIGHTS_OF_OTHERS, 5)),
                    new AnnualReport.Purges(365, 63_072_000, 11));
        };
    }

    /** The French (and, for requester letters, English) texts each document must carry. */
    static List<String> expectedFrench(DocumentType type) {
        return switch (type) {
            case ACKNOWLEDGEMENT -> List.of("4 mars 2026 à 9 h 12", "3 mars 2026 à 18 h 30", "7 avril 2026",
                    "article 3.2", "10 décembre 2021");
            case COMPLEMENT_REQUEST -> List.of("21 mars 2026", "tenue vestimentaire");
            case COMPLEMENT_REMINDER -> List.of("21 mars 2026", "décret", "2019-536", "sera close");
            case CLOSURE_MISSING_COMPLEMENT -> List.of("21 mars 2026", "est donc close", "nouvelle demande");
            case NO_DATA -> List.of("Aucune image vous concernant", "Grand'Place", "article 15", "tribunal");
            case JUDICIAL_HOLD -> List.of("procédure judiciaire", "14 jours", "L252-5", "Grand'Place");
            case WITHDRAWAL_ACKNOWLEDGEMENT -> List.of("9 mars 2026 à 14 h 04", "retrait", "conservation");
            case EXTENSION_NOTICE -> List.of("7 avril 2026", "8 juin 2026", "sept caméras");
            case RESPONSE_COPY -> List.of("19 avril 2026", "Qm7Tz2Lx9Vb4Nc8Hk1Pw");
            case VIEWING_INVITATION -> List.of("26 mars 2026 à 10 h 30", "2 bis rue Frédéric Mottez");
            case REFUSAL -> List.of("Loi 78-17 art. 107, I, 1°", "article 108", "tribunal", "CNIL", "réquisition judiciaire");
            case FOOTAGE_DESTROYED -> List.of("18 mars 2026", "PURGE-2026-03-18", "14 jours");
            case EXTRACTION_REPORT -> List.of("12 mars 2026", SHA_A, "LIL-014", "Agent J. Martin");
            case DESTRUCTION_ATTESTATION -> List.of("18 mars 2026", "LIL-015", "PURGE-2026-03-18");
            case PURGE_CERTIFICATE -> List.of("18 mars 2026", "2\u00a0880", "LIL-014");
            case JOURNAL_EXPORT -> List.of("18\u00a0342", "FOOTAGE_HOLD_PLACED", "1er mars 2026");
            case ANNUAL_REPORT -> List.of("2025", "214", "18,5");
        };
    }
}
