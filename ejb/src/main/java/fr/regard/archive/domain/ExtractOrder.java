package fr.regard.archive.domain;

import fr.regard.cases.domain.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an operator or the DPO asks to extract for a case, as typed: cameras, window {@code [from, to)}, third parties to
 * mask, purpose category and purpose. {@link #violations} names every rule it breaks at once, in French, by field.
 *
 * <p>The rule it guards: only footage <em>held for the case</em> is extracted — the window of each camera must lie
 * inside the case's active holds (charter art. 3.2; anything else is footage Regard has no reason to copy).
 */
public record ExtractOrder(List<String> cameras, Instant from, Instant to, List<Mask> masks, String purposeCategory,
                           String purpose) {

    public static final int MAX_CAMERAS = 16;
    public static final int MAX_MASKS = 100;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm:ss", Locale.FRENCH);

    /** A third-party rectangle as typed (any part may be missing). */
    public record Mask(Double x, Double y, Double width, Double height, Instant from, Instant to) {
    }

    /** A held span of a camera. */
    public record Span(Instant start, Instant end) {
    }

    public ExtractOrder {
        cameras = cameras == null ? List.of() : cameras.stream().filter(c -> c != null && !c.isBlank())
                .map(String::strip).distinct().toList();
        masks = masks == null ? List.of() : List.copyOf(masks);
    }

    /**
     * @param registry the cameras the registry knows
     * @param held     active hold spans of the case, by camera
     * @param now      instants after it are not recorded yet
     * @param widest   the widest window one extraction may cover (the widest the segment index answers at once)
     */
    public List<RuleViolation> violations(Set<String> registry, Map<String, List<Span>> held, Instant now,
                                          Duration widest) {
        List<RuleViolation> violations = new ArrayList<>();
        if (cameras.isEmpty()) {
            violations.add(new RuleViolation("cameras", "Indiquez au moins une caméra."));
        } else if (cameras.size() > MAX_CAMERAS) {
            violations.add(new RuleViolation("cameras", "Au plus " + MAX_CAMERAS + " caméras par extraction."));
        }
        Set<String> unknown = new LinkedHashSet<>(cameras);
        unknown.removeAll(registry);
        if (!unknown.isEmpty()) {
            violations.add(new RuleViolation("cameras", "Caméras inconnues du registre : " + String.join(", ", unknown)
                    + "."));
        }
        boolean window = checkWindow(violations, now, widest);
        if (window) {
            for (String camera : cameras) {
                if (registry.contains(camera) && !covers(held.getOrDefault(camera, List.of()), from, to)) {
                    violations.add(new RuleViolation("window", "La fenêtre demandée (du " + paris(from) + " au "
                            + paris(to) + ", heure de Paris) n'est pas couverte par un gel actif du dossier sur la "
                            + "caméra " + camera + " : seules les images préservées pour ce dossier peuvent en être "
                            + "extraites."));
                }
            }
        }
        checkMasks(violations, window);
        if (purposeCategory == null || purposeCategory.isBlank()) {
            violations.add(new RuleViolation("purposeCategory", "La catégorie de finalité est obligatoire ("
                    + categories() + ")."));
        } else if (category().isEmpty()) {
            violations.add(new RuleViolation("purposeCategory", "Catégorie de finalité inconnue : " + purposeCategory
                    + " (" + categories() + ")."));
        }
        if (purpose == null || purpose.isBlank()) {
            violations.add(new RuleViolation("purpose", "La finalité de l'extraction est obligatoire : elle est "
                    + "journalisée et figure au procès-verbal."));
        } else if (purpose.strip().length() > FootageExtract.MAX_PURPOSE) {
            violations.add(new RuleViolation("purpose", "La finalité dépasse " + FootageExtract.MAX_PURPOSE
                    + " caractères."));
        }
        return violations;
    }

    public java.util.Optional<ExtractPurpose> category() {
        for (ExtractPurpose p : ExtractPurpose.values()) {
            if (purposeCategory != null && p.name().equals(purposeCategory.strip())) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /** The third parties, once {@link #violations} found none. */
    public List<ThirdPartyMask> thirdParties() {
        return masks.stream().map(m -> new ThirdPartyMask(m.x(), m.y(), m.width(), m.height(), m.from(), m.to()))
                .toList();
    }

    /** Whether the union of the spans covers {@code [from, to)}. */
    public static boolean covers(Collection<Span> spans, Instant from, Instant to) {
        Instant reached = from;
        for (Span s : spans.stream().sorted(Comparator.comparing(Span::start)).toList()) {
            if (s.start().isAfter(reached)) {
                break;
            }
            if (s.end().isAfter(reached)) {
                reached = s.end();
            }
        }
        return !reached.isBefore(to);
    }

    public static String paris(Instant instant) {
        return FRENCH.format(instant.atZone(PARIS));
    }

    private boolean checkWindow(List<RuleViolation> violations, Instant now, Duration widest) {
        if (from == null) {
            violations.add(new RuleViolation("from", "Le début de la fenêtre est obligatoire."));
        }
        if (to == null) {
            violations.add(new RuleViolation("to", "La fin de la fenêtre est obligatoire."));
        }
        if (from == null || to == null) {
            return false;
        }
        if (!to.isAfter(from)) {
            violations.add(new RuleViolation("to", "La fin de la fenêtre doit suivre son début."));
            return false;
        }
        if (Duration.between(from, to).compareTo(widest) > 0) {
            violations.add(new RuleViolation("to", "Une extraction couvre au plus " + widest.toHours() + " heures."));
            return false;
        }
        if (to.isAfter(now)) {
            violations.add(new RuleViolation("to", "La fin de la fenêtre est dans le futur : ces images ne sont pas "
                    + "encore enregistrées."));
            return false;
        }
        return true;
    }

    private void checkMasks(List<RuleViolation> violations, boolean window) {
        if (masks.size() > MAX_MASKS) {
            violations.add(new RuleViolation("masks", "Au plus " + MAX_MASKS + " masques par extraction."));
            return;
        }
        for (int i = 0; i < masks.size(); i++) {
            Mask m = masks.get(i);
            String field = "masks[" + i + "]";
            if (m == null || m.x() == null || m.y() == null || m.width() == null || m.height() == null) {
                violations.add(new RuleViolation(field, "Un masque a quatre nombres : x, y, width, height."));
            } else if (!ThirdPartyMask.fits(m.x(), m.y(), m.width(), m.height())) {
                violations.add(new RuleViolation(field, "Le rectangle doit être dans l'image : coordonnées de 0 à 1, "
                        + "largeur et hauteur positives, x + width ≤ 1 et y + height ≤ 1."));
            }
            if (m == null || m.from() == null || m.to() == null) {
                violations.add(new RuleViolation(field, "Un masque a un début (from) et une fin (to)."));
            } else if (!m.to().isAfter(m.from())) {
                violations.add(new RuleViolation(field, "La fin du masque doit suivre son début."));
            } else if (window && (m.from().isBefore(from) || m.to().isAfter(to))) {
                violations.add(new RuleViolation(field, "La période du masque doit être comprise dans la fenêtre "
                        + "extraite (du " + paris(from) + " au " + paris(to) + ")."));
            }
        }
    }

    private static String categories() {
        return String.join(", ", java.util.Arrays.stream(ExtractPurpose.values()).map(Enum::name).toList());
    }
}
