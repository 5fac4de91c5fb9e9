package fr.regard.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The application provides exactly the delegates the processes call (docs/workflow.md "Delegate contract"): one thin
 * {@code @Named @Dependent} {@link JavaDelegate} per {@code delegateExpression} of both BPMN files.
 */
class DelegateContractTest {

    private static final List<String> PROCESSES = List.of("access-request.bpmn", "verify-destruction.bpmn");
    private static final Pattern DELEGATE = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"");

    @Test
    @DisplayName("every delegate name of the BPMN files has one bean, and every bean is used")
    void namesMatch() throws Exception {
        assertThat(delegates().keySet()).isEqualTo(delegateNamesInProcesses()).hasSize(23);
    }

    @Test
    @DisplayName("delegates are dependent-scoped JavaDelegates without state")
    void shape() throws Exception {
        for (Class<?> delegate : delegates().values()) {
            assertThat(JavaDelegate.class).as(delegate.getSimpleName()).isAssignableFrom(delegate);
            assertThat(delegate.isAnnotationPresent(Dependent.class)).as(delegate.getSimpleName()).isTrue();
            assertThat(Stream.of(delegate.getDeclaredFields())
                    .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
                    .allMatch(f -> f.isAnnotationPresent(jakarta.inject.Inject.class)))
                    .as(delegate.getSimpleName() + " holds only injected services").isTrue();
        }
    }

    private static TreeSet<String> delegateNamesInProcesses() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String process : PROCESSES) {
            try (InputStream in = DelegateContractTest.class.getClassLoader().getResourceAsStream(process)) {
                assertThat(in).as(process + " on the class path (regard-workflows)").isNotNull();
                Matcher matcher = DELEGATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    private static Map<String, Class<?>> delegates() throws IOException, URISyntaxException, ClassNotFoundException {
        String pkg = DelegateContractTest.class.getPackageName();
        URL folder = PlaceFootageHold.class.getResource(PlaceFootageHold.class.getSimpleName() + ".class");
        Path directory = Path.of(folder.toURI()).getParent();
        List<String> classNames = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .forEach(n -> classNames.add(n.substring(0, n.length() - ".class".length())));
        }
        Map<String, Class<?>> byName = new TreeMap<>();
        for (String simpleName : classNames) {
            Class<?> type = Class.forName(pkg + "." + simpleName);
            Named named = type.getAnnotation(Named.class);
            if (named != null) {
                assertThat(byName.put(named.value(), type)).as("one bean per name: " + named.value()).isNull();
            }
        }
        return byName;
    }
}
