package fr.regard.mail.content;

import fr.regard.mail.content.Suggestion.Confidence;
import fr.regard.mail.content.Suggestion.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FrenchFactExtractorTest {

    /** A Tuesday. */
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 10);
    private static final FactSuggestions EXTRACTOR = new FrenchFactExtractor();
    private static final List<KnownPlace> CAMERAS = List.of(new KnownPlace("CAM-042", "Rue Nationale"),
            new KnownPlace("LIL-091", "Place Rihour / rue Neuve"), new KnownPlace("CAM-007", "Gare Lille-Flandres (parvis)"));

    private static final String DAY = "2026-03-03T";

    static Stream<Arguments> phrasings() {
        return Stream.of(
                arguments("le 3 mars vers 14h30 rue Nationale", List.of("DATE 2026-03-03 MEDIUM",
                        "DATETIME_RANGE " + DAY + "14:15+01:00/" + DAY + "14:45+01:00 MEDIUM", "PLACE rue Nationale HIGH")),
                arguments("Les faits ont eu lieu le 03/03/2026.", List.of("DATE 2026-03-03 HIGH")),
                arguments("c'était le 3/03", List.of("DATE 2026-03-03 MEDIUM")),
                arguments("hier", List.of("DATE 2026-03-09 MEDIUM")),
                arguments("avant-hier", List.of("DATE 2026-03-08 MEDIUM")),
                arguments("avant hier", List.of("DATE 2026-03-08 MEDIUM")),
                arguments("samedi dernier", List.of("DATE 2026-03-07 MEDIUM")),
                arguments("mardi 3 mars 2026", List.of("DATE 2026-03-03 HIGH")),
                arguments("le 1er mai", List.of("DATE 2025-05-01 MEDIUM")),
                arguments("le 15 mars", List.of("DATE 2025-03-15 MEDIUM")),
                arguments("le 20 mars 2026", List.of("DATE 2026-03-20 LOW")),
                arguments("mercredi 3 mars 2026", List.of("DATE 2026-03-03 LOW")),
                arguments("vendredi 6 mars vers 17 heures", List.of("DATE 2026-03-06 HIGH",
                        "DATETIME_RANGE 2026-03-06T16:45+01:00/2026-03-06T17:15+01:00 MEDIUM")),
                arguments("à 14 h", List.of("TIME 14:00 HIGH")),
                arguments("il était 14:30", List.of("TIME 14:30 HIGH")),
                arguments("à midi", List.of("TIME 12:00 HIGH")),
                arguments("vers 14h30", List.of("TIME_RANGE 14:15/14:45 MEDIUM")),
                arguments("vers 14 h 30", List.of("TIME_RANGE 14:15/14:45 MEDIUM")),
                arguments("aux alentours de 9h", List.of("TIME_RANGE 08:45/09:15 MEDIUM")),
                arguments("vers minuit", List.of("TIME_RANGE 23:45/00:15 MEDIUM")),
                arguments("entre 18h et 18h15", List.of("TIME_RANGE 18:00/18:15 HIGH")),
                arguments("entre 18 et 19h", List.of("TIME_RANGE 18:00/19:00 HIGH")),
                arguments("de 9h à 9h30", List.of("TIME_RANGE 09:00/09:30 HIGH")),
                arguments("14h-14h20", List.of("TIME_RANGE 14:00/14:20 HIGH")),
                arguments("en fin d'après-midi", List.of("TIME_RANGE 16:00/19:00 LOW")),
                arguments("en début de soirée", List.of("TIME_RANGE 18:00/21:00 LOW")),
                arguments("hier soir", List.of("DATE 2026-03-09 MEDIUM",
                        "DATETIME_RANGE 2026-03-09T18:00+01:00/2026-03-09T23:00+01:00 LOW")),
                arguments("lundi matin", List.of("DATE 2026-03-09 LOW",
                        "DATETIME_RANGE 2026-03-09T06:00+01:00/2026-03-09T12:00+01:00 LOW")),
                arguments("le 3 mars 2026 dans la nuit", List.of("DATE 2026-03-03 HIGH",
                        "DATETIME_RANGE " + DAY + "22:00+01:00/2026-03-04T06:00+01:00 LOW")),
                arguments("aujourd'hui vers midi", List.of("DATE 2026-03-10 MEDIUM",
                        "DATETIME_RANGE 2026-03-10T11:45+01:00/2026-03-10T12:15+01:00 MEDIUM")),
                arguments("le 10/03/26 à 7h", List.of("DATE 2026-03-10 HIGH",
                        "DATETIME_RANGE 2026-03-10T06:45+01:00/2026-03-10T07:15+01:00 HIGH")),
                arguments("le 29 juillet 2025 vers 10h", List.of("DATE 2025-07-29 HIGH",
                        "DATETIME_RANGE 2025-07-29T09:45+02:00/2025-07-29T10:15+02:00 MEDIUM")),
                arguments("le 3 mars entre 18h et 18h15 place du Général de Gaulle", List.of("DATE 2026-03-03 MEDIUM",
                        "DATETIME_RANGE " + DAY + "18:00+01:00/" + DAY + "18:15+01:00 MEDIUM",
                        "PLACE place du Général de Gaulle HIGH")),
                arguments("le 28/02/2026 à 8h45 devant la gare Lille-Flandres", List.of("DATE 2026-02-28 HIGH",
                        "DATETIME_RANGE 2026-02-28T08:30+01:00/2026-02-28T09:00+01:00 HIGH", "PLACE gare Lille-Flandres HIGH")),
                arguments("dans l'après-midi du 4 mars", List.of(
                        "DATETIME_RANGE 2026-03-04T12:00+01:00/2026-03-04T18:00+01:00 LOW", "DATE 2026-03-04 MEDIUM")),
                arguments("Le 5 mars, vers 18h. Puis le 6 mars.", List.of("DATE 2026-03-05 MEDIUM",
                        "DATETIME_RANGE 2026-03-05T17:45+01:00/2026-03-05T18:15+01:00 MEDIUM", "DATE 2026-03-06 MEDIUM")),
                arguments("J'étais au 12 rue Nationale.", List.of("PLACE 12 rue Nationale HIGH")),
                arguments("boulevard de la Liberté", List.of("PLACE boulevard de la Liberté HIGH")),
                arguments("à la sortie du métro Rihour", List.of("PLACE métro Rihour HIGH")),
                arguments("quai du Wault", List.of("PLACE quai du Wault HIGH")),
                arguments("avenue d'Arras", List.of("PLACE avenue d'Arras HIGH")),
                arguments("j'étais rue nationale vers midi", List.of("PLACE rue nationale LOW",
                        "TIME_RANGE 11:45/12:15 MEDIUM")),
                // false-positive guards
                arguments("j'ai attendu 3h devant la mairie", List.of()),
                arguments("pendant 2h", List.of()),
                arguments("il était 3h", List.of("TIME 03:00 LOW")),
                arguments("Mon numéro : 06 12 34 56 78", List.of()),
                arguments("Mon numéro : 06.12.34.56.78", List.of()),
                arguments("j'ai payé 14,30 € au parking", List.of()),
                arguments("j'habite 59000 Lille", List.of()),
                arguments("je suis né le 03/05/1980", List.of()),
                arguments("il n'y avait plus de place dans la rue", List.of()),
                arguments("cet après-midi", List.of("TIME_RANGE 12:00/18:00 LOW")),
                arguments("mais il pleuvait", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void readsFrenchPhrasings(String text, List<String> expected) {
        List<Suggestion> found = EXTRACTOR.suggest(text, RECEIVED, List.of());
        assertThat(found).extracting(s -> s.kind() + " " + s.value() + " " + s.confidence()).containsExactlyElementsOf(expected);
        for (Suggestion s : found) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.label()).startsWith("Proposé (extrait automatiquement) : ");
        }
    }

    @Test
    void theReferencePhraseGivesSpansAndLabels() {
        String text = "Bonjour, j'ai été filmé le 3 mars vers 14h30 rue Nationale. Merci.";
        List<Suggestion> found = EXTRACTOR.suggest(text, RECEIVED, List.of());
        assertThat(found).containsExactly(
                new Suggestion(Kind.DATE, "le 3 mars", 24, 33, "2026-03-03", Confidence.MEDIUM,
                        "Proposé (extrait automatiquement) : date du mardi 3 mars 2026 (année déduite de la date de réception)"),
                new Suggestion(Kind.DATETIME_RANGE, "le 3 mars vers 14h30", 24, 44,
                        "2026-03-03T14:15+01:00/2026-03-03T14:45+01:00", Confidence.MEDIUM,
                        "Proposé (extrait automatiquement) : faits le mardi 3 mars 2026 entre 14 h 15 et 14 h 45 "
                                + "(année déduite de la date de réception ; heure approximative, ±15 min)"),
                new Suggestion(Kind.PLACE, "rue Nationale", 45, 58, "rue Nationale", Confidence.HIGH,
                        "Proposé (extrait automatiquement) : lieu « rue Nationale »"));
    }

    @Test
    void matchesCamerasByIdAndByLabelIgnoringCaseAndAccents() {
        assertThat(cameras("la caméra CAM-042 filme la rue")).containsExactly("CAM-042 CAM-042 HIGH");
        assertThat(cameras("peut-être la cam 42 ou lil091")).containsExactly("CAM-042 cam 42 HIGH", "LIL-091 lil091 HIGH");
        assertThat(cameras("RUE NATIONALE")).containsExactly("CAM-042 RUE NATIONALE HIGH");
        assertThat(cameras("près de la place rihour")).containsExactly("LIL-091 place rihour MEDIUM");
        assertThat(cameras("à la gare Lille Flandres")).containsExactly("CAM-007 gare Lille Flandres MEDIUM");
        assertThat(cameras("CAM-0420 et rue Nationaleville")).isEmpty();
        List<Suggestion> both = EXTRACTOR.suggest("rue Nationale", RECEIVED, CAMERAS);
        assertThat(both).extracting(Suggestion::kind).containsExactlyInAnyOrder(Kind.PLACE, Kind.CAMERA);
        assertThat(both).filteredOn(s -> s.kind() == Kind.CAMERA).first().extracting(Suggestion::label)
                .isEqualTo("Proposé (extrait automatiquement) : caméra CAM-042 « Rue Nationale » (lieu de la caméra cité)");
    }

    @Test
    void emptyInputsGiveNothing() {
        assertThat(EXTRACTOR.suggest(null, RECEIVED, CAMERAS)).isEmpty();
        assertThat(EXTRACTOR.suggest("  ", RECEIVED, null)).isEmpty();
        assertThat(EXTRACTOR.suggest("le 3 mars", null, null)).isEmpty();
        assertThat(EXTRACTOR.suggest("le 3 mars", RECEIVED, java.util.Arrays.asList(null, new KnownPlace(null, null))))
                .hasSize(1);
    }

    private static List<String> cameras(String text) {
        return EXTRACTOR.suggest(text, RECEIVED, CAMERAS).stream().filter(s -> s.kind() == Kind.CAMERA)
                .map(s -> s.value() + " " + s.text() + " " + s.confidence()).toList();
    }
}
