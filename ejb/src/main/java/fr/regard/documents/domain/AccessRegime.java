package fr.regard.documents.domain;

import fr.regard.cases.domain.RecordRegime;
import java.util.ArrayList;
import java.util.List;

/** The legal texts a case's regime adds to a letter (GDPR art. 15 and loi 78-17 art. 49, or loi 78-17 Titre III). */
final class AccessRegime {

    private AccessRegime() {
    }

    static List<LegalBasis> with(List<LegalBasis> bases, RecordRegime regime, LegalBasis... more) {
        List<LegalBasis> all = new ArrayList<>(bases);
        if (regime == RecordRegime.GDPR_ART15) {
            add(all, LegalBasis.GDPR_15);
            add(all, LegalBasis.LIL_49);
        } else {
            add(all, LegalBasis.LIL_105);
        }
        for (LegalBasis basis : more) {
            add(all, basis);
        }
        return List.copyOf(all);
    }

    private static void add(List<LegalBasis> all, LegalBasis basis) {
        if (!all.contains(basis)) {
            all.add(basis);
        }
    }
}
