package fr.regard.documents.infrastructure;

import fr.regard.documents.domain.ControllerIdentity;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the controller's identity from the settings {@code regard.controller.*} (docs/operations.md); every value
 * defaults to the reference customer's (Ville de Lille, DOMAIN.md). Multi-line values (the address) separate lines
 * with {@code |}, since addresses contain commas.
 */
public final class ControllerSettings {

    public static final String PREFIX = "regard.controller.";

    private ControllerSettings() {
    }

    public static ControllerIdentity read(Function<String, Optional<String>> setting) {
        ControllerIdentity lille = ControllerIdentity.lille();
        Function<String, Optional<String>> value = key -> setting.apply(PREFIX + key).filter(s -> !s.isBlank());
        return new ControllerIdentity(
                value.apply("name").orElse(lille.name()),
                value.apply("address").map(ControllerSettings::lines).orElse(lille.address()),
                value.apply("dpo-email").orElse(lille.dpoEmail()),
                value.apply("dpo-postal-address").orElse(lille.dpoPostalAddress()),
                value.apply("csu-address").orElse(lille.csuAddress()),
                value.apply("csu-phone").orElse(lille.csuPhone()),
                value.apply("city").orElse(lille.city()),
                value.apply("signatory-title").orElse(lille.signatoryTitle()),
                value.apply("charter-adoption").orElse(lille.charterAdoption()),
                value.apply("logo").map(s -> Path.of(s.strip())).orElse(null));
    }

    private static List<String> lines(String value) {
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
