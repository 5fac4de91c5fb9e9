package fr.regard.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The house rules of the BPMN files (docs/workflow.md), checked on the files themselves. */
class ProcessModelTest {

    private static final Pattern DELEGATE = Pattern.compile("\\$\\{([a-zA-Z]+)}");
    private static final Pattern DATE_VARIABLE = Pattern.compile("\\$\\{[a-zA-Z]+}");
    /** An ISO-8601 period or duration such as P1M, P15D or PT10M. */
    private static final Pattern PERIOD_LITERAL = Pattern.compile("\\bP(T?\\d+[YMWDHS])");
    private static final Pattern TECHNICAL_ID = Pattern.compile(
            "(StartEvent|End|Task|ServiceTask|Gateway|Timer|Message|Event|Boundary|SubProcess|Flow)_[A-Z][A-Za-z]+");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"access-request", "verify-destruction", "footage-purge", "journal-export"})
    @DisplayName("named after its process id, executable, history kept 3 years")
    void namedAfterProcessId(String processId) {
        Process process = model(processId).getModelElementById(processId);
        assertThat(process).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1095");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"access-request", "verify-destruction"})
    @DisplayName("every timer waits for a date the application computed: no period written in the BPMN")
    void timersUseDateVariables(String processId) throws IOException {
        Collection<TimerEventDefinition> timers = model(processId).getModelElementsByType(TimerEventDefinition.class);
        assertThat(timers).isNotEmpty().allSatisfy(timer -> {
            assertThat(timer.getTimeDuration()).isNull();
            assertThat(timer.getTimeCycle()).isNull();
            assertThat(timer.getTimeDate().getTextContent()).matches(DATE_VARIABLE);
        });
        assertThat(PERIOD_LITERAL.matcher(text(processId)).find()).as("period literal").isFalse();
    }

    @Test
    @DisplayName("footage-purge: one daily timer whose cycle and retry cycle come from the application, no period")
    void purgeScheduleFromTheApplication() throws IOException {
        Collection<TimerEventDefinition> timers = model("footage-purge").getModelElementsByType(TimerEventDefinition.class);
        assertThat(timers).singleElement().satisfies(timer -> {
            assertThat(timer.getTimeDate()).isNull();
            assertThat(timer.getTimeDuration()).isNull();
            assertThat(timer.getTimeCycle().getTextContent()).isEqualTo("${footagePurgeSchedule.cycle}");
        });
        assertThat(text("footage-purge")).contains("${footagePurgeSchedule.retryCycle}");
        assertThat(PERIOD_LITERAL.matcher(text("footage-purge")).find()).as("period literal").isFalse();
    }

    @Test
    @DisplayName("journal-export: one daily timer whose cycle and retry cycle come from the application, no period")
    void journalExportScheduleFromTheApplication() throws IOException {
        Collection<TimerEventDefinition> timers = model("journal-export").getModelElementsByType(TimerEventDefinition.class);
        assertThat(timers).singleElement().satisfies(timer ->
                assertThat(timer.getTimeCycle().getTextContent()).isEqualTo("${journalExportSchedule.cycle}"));
        assertThat(text("journal-export")).contains("${journalExportSchedule.retryCycle}");
        assertThat(PERIOD_LITERAL.matcher(text("journal-export")).find()).as("period literal").isFalse();
        ServiceTask export = model("journal-export").getModelElementById("ServiceTask_IssueDailyJournalExport");
        assertThat(export.isCamundaAsyncBefore()).as("the export runs in a job of its own, retried").isTrue();
    }

    @Test
    @DisplayName("footage-purge: the certificate is issued after the close, in a job of its own")
    void purgeCertificateAfterTheClose() {
        ServiceTask certificate = model("footage-purge").getModelElementById("ServiceTask_IssuePurgeCertificate");
        assertThat(certificate.isCamundaAsyncBefore()).isTrue();
        assertThat(certificate.getIncoming()).singleElement()
                .satisfies(flow -> assertThat(flow.getSource().getId()).isEqualTo("ServiceTask_ClosePurgeBatch"));
        assertThat(certificate.getOutgoing()).singleElement()
                .satisfies(flow -> assertThat(flow.getTarget().getId()).isEqualTo("End_Purged"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"access-request", "verify-destruction", "footage-purge", "journal-export"})
    @DisplayName("service tasks are thin delegate expressions of the documented contract")
    void serviceTasksAreDelegates(String processId) {
        assertThat(model(processId).getModelElementsByType(ServiceTask.class)).allSatisfy(task -> {
            assertThat(task.getCamundaClass()).isNull();
            assertThat(task.getCamundaExpression()).isNull();
            Matcher delegate = DELEGATE.matcher(task.getCamundaDelegateExpression());
            assertThat(delegate.matches()).as(task.getId()).isTrue();
            assertThat(DelegateStandIns.NAMES).contains(delegate.group(1));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"access-request", "verify-destruction", "footage-purge", "journal-export"})
    @DisplayName("readable technical ids, a French name on every activity and event, a diagram element for all")
    void idsNamesAndDiagram(String processId) {
        BpmnModelInstance model = model(processId);
        Set<String> shapes = new TreeSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> shapes.add(shape.getBpmnElement().getId()));
        Set<String> edges = new TreeSet<>();
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> edges.add(edge.getBpmnElement().getId()));

        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            assertThat(element.getId()).matches(TECHNICAL_ID);
            if (element instanceof SequenceFlow) {
                assertThat(edges).as("edge of " + element.getId()).contains(element.getId());
            } else {
                assertThat(shapes).as("shape of " + element.getId()).contains(element.getId());
            }
            if (element instanceof FlowNode node && !node.getElementType().getTypeName().endsWith("Gateway")) {
                assertThat(node.getName()).as("name of " + node.getId()).isNotBlank();
            }
        }
    }

    @DisplayName("docs/workflow.md documents every delegate and message the processes use")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"access-request", "verify-destruction", "footage-purge", "journal-export"})
    void contractIsDocumented(String processId) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "workflow.md"), StandardCharsets.UTF_8);
        BpmnModelInstance model = model(processId);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            Matcher delegate = DELEGATE.matcher(task.getCamundaDelegateExpression());
            assertThat(delegate.matches()).isTrue();
            assertThat(doc).as("contract of " + delegate.group(1)).contains("`" + delegate.group(1) + "`");
        }
        for (String message : List.of("ComplementReceived", "ExtensionRequested", "RequestWithdrawn")) {
            assertThat(doc).contains("`" + message + "`");
        }
        assertThat(doc).contains("`EXTENSION_TOO_LATE`");
        model.getModelElementsByType(BaseElement.class).stream()
                .filter(element -> element.getId() != null && element.getId().startsWith("Timer_"))
                .forEach(timer -> assertThat(doc).as("clock " + timer.getId()).contains(timer.getId()));
    }

    private static BpmnModelInstance model(String processId) {
        try (InputStream in = ProcessModelTest.class.getResourceAsStream("/" + processId + ".bpmn")) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String processId) throws IOException {
        try (InputStream in = ProcessModelTest.class.getResourceAsStream("/" + processId + ".bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
