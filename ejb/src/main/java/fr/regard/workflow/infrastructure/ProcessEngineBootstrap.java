package fr.regard.workflow.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.cdi.CdiExpressionManager;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the embedded Camunda 7 engine once per deployment, after the schema migration.
 *
 * <p>The engine joins the container's JTA transactions ({@code transactionsExternallyManaged}): a case row
 * written through JPA and the process instance started for it commit or roll back together. It uses the
 * application's datasource (Camunda creates and upgrades its own tables there), keeps full history (the
 * audit trail of every task), resolves delegates as CDI beans, and runs jobs on the server's managed
 * executor. BPMN files come from the {@code regard-workflows} jar and are redeployed only when changed.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProcessEngineBootstrap {

    private static final Logger LOG = Logger.getLogger(ProcessEngineBootstrap.class.getName());

    /** Process definitions shipped by the workflows module, by file name (= process id + .bpmn). */
    static final String[] PROCESS_RESOURCES = {"access-request.bpmn", "verify-destruction.bpmn", "footage-purge.bpmn",
            "journal-export.bpmn"};

    @Resource(lookup = "java:jboss/datasources/RegardDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/TransactionManager")
    TransactionManager transactionManager;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ManagedExecutorService executor;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threadFactory;

    /** Upper bound between two job acquisitions when idle: a due timer fires within this delay. */
    @Inject
    @ConfigProperty(name = "regard.jobs.max-wait-ms", defaultValue = "2000")
    long jobMaxWaitMillis;

    @Inject
    @ConfigProperty(name = "regard.jobs.activate", defaultValue = "true")
    boolean jobExecutorActivate;

    private volatile ProcessEngine engine;

    @PostConstruct
    void start() {
        long started = System.nanoTime();
        ContainerJobExecutor jobExecutor = new ContainerJobExecutor(executor, threadFactory);
        jobExecutor.setMaxWait(jobMaxWaitMillis);
        jobExecutor.setWaitTimeInMillis((int) Math.min(500, jobMaxWaitMillis));
        jobExecutor.setMaxBackoff(jobMaxWaitMillis);

        JakartaTransactionProcessEngineConfiguration configuration = new JakartaTransactionProcessEngineConfiguration();
        configuration.setProcessEngineName("default");
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactionManager);
        configuration.setTransactionsExternallyManaged(true);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setExpressionManager(new CdiExpressionManager());
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(jobExecutorActivate);
        configuration.setMetricsEnabled(false);
        configuration.setEnforceHistoryTimeToLive(true);
        // footage-purge's daily timer: its cron is computed for Europe/Paris at each firing (FootagePurgeSchedule)
        configuration.setReevaluateTimeCycleWhenDue(true);

        ProcessEngine built = configuration.buildProcessEngine();
        var deployment = built.getRepositoryService().createDeployment()
                .name("regard")
                .source("regard-workflows")
                .enableDuplicateFiltering(true);
        for (String resource : PROCESS_RESOURCES) {
            deployment.addClasspathResource(resource);
        }
        deployment.deploy();
        // Makes the engine visible to camunda-engine-cdi's producers (BpmPlatform lookup).
        RuntimeContainerDelegate.INSTANCE.get().registerProcessEngine(built);
        engine = built;
        LOG.info(() -> "Process engine ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @PreDestroy
    void stop() {
        ProcessEngine current = engine;
        engine = null;
        if (current != null) {
            RuntimeContainerDelegate.INSTANCE.get().unregisterProcessEngine(current);
            current.close();
        }
    }

    /** The running engine; {@code null} only while the deployment starts or stops. */
    public ProcessEngine engine() {
        ProcessEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("The process engine is not running");
        }
        return current;
    }

    public boolean isRunning() {
        return engine != null;
    }
}
