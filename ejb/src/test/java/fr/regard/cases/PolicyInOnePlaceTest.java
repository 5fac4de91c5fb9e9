package fr.regard.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md: "All defaults live in one policy, not scattered in code or BPMN". No period is written in the code of
 * the case lifecycle except in {@code CasePolicy}; dates come from {@code CaseClock} (and the BPMN has none:
 * {@code ProcessModelTest} in the workflows module).
 */
class PolicyInOnePlaceTest {

    private static final List<String> LIFECYCLE_PACKAGES = List.of(
            "fr/regard/cases", "fr/regard/intake", "fr/regard/workflow", "fr/regard/archive", "fr/regard/correspondence");
    private static final Pattern PERIOD_LITERAL = Pattern.compile(
            "\\.(plus|minus)(Days|Weeks|Months|Years)\\(\\s*\\d"
                    + "|Period\\.(of|ofDays|ofWeeks|ofMonths|ofYears)\\(\\s*\\d"
                    + "|Duration\\.of(Days|Hours)\\(\\s*\\d"
                    + "|ChronoUnit\\.(DAYS|WEEKS|MONTHS|YEARS)\\)"
                    + "|\\bP\\d+[DWMY]\\b");

    @Test
    @DisplayName("no period literal in the case lifecycle's code outside CasePolicy (and its configuration defaults)")
    void periodsOnlyInThePolicy() {
        List<String> offenders = LIFECYCLE_PACKAGES.stream()
                .map(p -> Path.of("src/main/java").resolve(p))
                .filter(Files::isDirectory)
                .flatMap(PolicyInOnePlaceTest::javaFiles)
                .filter(f -> !f.endsWith(Path.of("cases/domain/CasePolicy.java")))
                .filter(f -> !f.endsWith(Path.of("cases/infrastructure/CaseSettings.java")))
                .flatMap(PolicyInOnePlaceTest::matchingLines)
                .toList();
        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> matchingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                    .filter(i -> PERIOD_LITERAL.matcher(lines.get(i)).find())
                    .map(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
