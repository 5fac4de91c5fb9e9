package fr.regard.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.regard.cases.domain.RuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExtractOrderTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant FROM = Instant.parse("2026-11-20T13:00:00Z");
    static final Instant TO = Instant.parse("2026-11-20T13:20:00Z");
    static final Set<String> REGISTRY = Set.of("LIL-001", "LIL-002", "HEL-001");
    static final Map<String, List<ExtractOrder.Span>> HELD = Map.of(
            "LIL-001", List.of(new ExtractOrder.Span(FROM.minusSeconds(600), TO.plusSeconds(600))),
            "LIL-002", List.of(new ExtractOrder.Span(FROM, FROM.plusSeconds(600)),
                    new ExtractOrder.Span(FROM.plusSeconds(600), TO)));

    static ExtractOrder.Mask mask(double x, double y, double w, double h, Instant from, Instant to) {
        return new ExtractOrder.Mask(x, y, w, h, from, to);
    }

    static List<RuleViolation> check(ExtractOrder order) {
        return order.violations(REGISTRY, HELD, NOW, java.time.Duration.ofHours(24));
    }

    @Test
    @DisplayName("a held window on two cameras with a mask inside it and a purpose is accepted; blanks and duplicate "
            + "cameras are dropped")
    void valid() {
        ExtractOrder order = new ExtractOrder(List.of("LIL-001", " LIL-002 ", "LIL-001", ""), FROM, TO,
                List.of(mask(0.1, 0.2, 0.3, 0.4, FROM.plusSeconds(30), FROM.plusSeconds(90))), "ACCESS_COPY",
                "Copie demandée par la personne filmée");
        assertThat(check(order)).isEmpty();
        assertThat(order.cameras()).containsExactly("LIL-001", "LIL-002");
        assertThat(order.thirdParties()).singleElement().satisfies(m -> {
            assertThat(m.width()).isEqualTo(0.3);
            assertThat(m.from()).isEqualTo(FROM.plusSeconds(30));
        });
        assertThat(order.category()).contains(ExtractPurpose.ACCESS_COPY);
    }

    @Test
    @DisplayName("footage not held for the case is refused with a French message naming the camera and the Paris times")
    void notHeld() {
        List<RuleViolation> v = check(new ExtractOrder(List.of("LIL-001", "HEL-001"), FROM, TO.plusSeconds(900),
                List.of(), "DPO_REVIEW", "Examen"));
        assertThat(v).extracting(RuleViolation::field).containsExactly("window", "window");
        assertThat(v.get(0).message()).isEqualTo("La fenêtre demandée (du 20 novembre 2026 à 14:00:00 au 20 novembre "
                + "2026 à 14:35:00, heure de Paris) n'est pas couverte par un gel actif du dossier sur la caméra "
                + "LIL-001 : seules les images préservées pour ce dossier peuvent en être extraites.");
        assertThat(v.get(1).message()).contains("caméra HEL-001");
    }

    @Test
    @DisplayName("adjacent holds cover a window together; a gap between them does not")
    void unionOfHolds() {
        assertThat(ExtractOrder.covers(HELD.get("LIL-002"), FROM, TO)).isTrue();
        List<ExtractOrder.Span> gap = List.of(new ExtractOrder.Span(FROM, FROM.plusSeconds(600)),
                new ExtractOrder.Span(FROM.plusSeconds(601), TO));
        assertThat(ExtractOrder.covers(gap, FROM, TO)).isFalse();
        assertThat(ExtractOrder.covers(List.of(), FROM, TO)).isFalse();
    }

    @Test
    @DisplayName("every fault is named at once: unknown camera, reversed window, masks outside the picture or the window, "
            + "missing category and purpose")
    void everyFault() {
        List<RuleViolation> v = check(new ExtractOrder(List.of("XXX-999"), TO, FROM, List.of(
                mask(0.8, 0, 0.3, 0.1, FROM, TO)), null, "  "));
        assertThat(v).extracting(RuleViolation::field)
                .containsExactly("cameras", "to", "masks[0]", "purposeCategory", "purpose");
        assertThat(v.get(0).message()).isEqualTo("Caméras inconnues du registre : XXX-999.");
        assertThat(v.get(2).message()).contains("x + width ≤ 1");
        assertThat(v.get(4).message()).startsWith("La finalité de l'extraction est obligatoire");

        List<RuleViolation> masks = check(new ExtractOrder(List.of("LIL-001"), FROM, TO, List.of(
                mask(0, 0, 0.5, 0.5, FROM.minusSeconds(1), TO),
                new ExtractOrder.Mask(null, 0.1, 0.1, 0.1, FROM, TO),
                mask(0, 0, 0.5, 0.5, TO, FROM),
                mask(-0.1, 0, 0.5, 0.5, FROM, TO)), "SOMETHING", "x"));
        assertThat(masks).extracting(RuleViolation::field)
                .containsExactly("masks[0]", "masks[1]", "masks[2]", "masks[3]", "purposeCategory");
        assertThat(masks.get(0).message()).contains("comprise dans la fenêtre extraite (du 20 novembre 2026 à 14:00:00");
        assertThat(masks.get(4).message()).contains("Catégorie de finalité inconnue : SOMETHING",
                "ACCESS_COPY, ON_SITE_VIEWING, DPO_REVIEW");
    }

    @Test
    @DisplayName("no camera, a window over 24 hours, or one ending in the future is refused")
    void windowLimits() {
        assertThat(check(new ExtractOrder(List.of(), FROM, TO, null, "ACCESS_COPY", "x")))
                .extracting(RuleViolation::field).containsExactly("cameras");
        assertThat(check(new ExtractOrder(List.of("LIL-001"), FROM, FROM.plusSeconds(86_401), null, "ACCESS_COPY",
                "x"))).singleElement().satisfies(r -> assertThat(r.message()).contains("24 heures"));
        assertThat(check(new ExtractOrder(List.of("LIL-001"), NOW.minusSeconds(60), NOW.plusSeconds(60), null,
                "ACCESS_COPY", "x"))).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("pas encore enregistrées"));
        assertThat(check(new ExtractOrder(List.of("LIL-001"), null, null, null, "ACCESS_COPY", "x")))
                .extracting(RuleViolation::field).containsExactly("from", "to");
    }
}
