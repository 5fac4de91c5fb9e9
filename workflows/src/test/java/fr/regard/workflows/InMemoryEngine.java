package fr.regard.workflows;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * The engine of the process tests: in-memory H2, full history as on the server, no job executor (tests drive
 * jobs and the clock themselves). Delegate expressions ({@code ${placeFootageHold}}) resolve to the stand-ins
 * registered with {@code Mocks.register}, as CDI beans do on the server.
 */
final class InMemoryEngine {

    private static ProcessEngine engine;

    private InMemoryEngine() {
    }

    static synchronized ProcessEngineExtension extension() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setJdbcUrl("jdbc:h2:mem:regard-process-tests;DB_CLOSE_DELAY=1000");
            configuration.setJobExecutorActivate(false);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setEnforceHistoryTimeToLive(true);
            configuration.setReevaluateTimeCycleWhenDue(true);
            configuration.setExpressionManager(new MockExpressionManager());
            engine = configuration.buildProcessEngine();
        }
        return ProcessEngineExtension.builder().useProcessEngine(engine).build();
    }
}
