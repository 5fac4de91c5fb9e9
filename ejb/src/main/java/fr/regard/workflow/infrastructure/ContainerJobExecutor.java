package fr.regard.workflow.infrastructure;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Camunda's job executor on the container's concurrency resources: the acquisition thread comes from the
 * server's managed thread factory and jobs run on its managed executor, so both carry the application's
 * naming and CDI context (delegates are CDI beans) and are stopped with the deployment.
 *
 * <p>Several cluster nodes may run one each: Camunda locks each acquired job in the shared database, so a
 * job runs once.
 */
public class ContainerJobExecutor extends JobExecutor {

    private final ManagedExecutorService executor;
    private final ManagedThreadFactory threadFactory;

    public ContainerJobExecutor(ManagedExecutorService executor, ManagedThreadFactory threadFactory) {
        this.executor = executor;
        this.threadFactory = threadFactory;
    }

    @Override
    protected void startExecutingJobs() {
        startJobAcquisitionThread();
    }

    @Override
    protected void stopExecutingJobs() {
        stopJobAcquisitionThread();
    }

    @Override
    protected void startJobAcquisitionThread() {
        if (jobAcquisitionThread == null) {
            jobAcquisitionThread = threadFactory.newThread(acquireJobsRunnable);
            jobAcquisitionThread.setName("regard-job-acquisition");
            jobAcquisitionThread.start();
        }
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        try {
            executor.execute(getExecuteJobsRunnable(jobIds, processEngine));
        } catch (RejectedExecutionException e) {
            logRejectedExecution(processEngine, jobIds.size());
            rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
        }
    }
}
