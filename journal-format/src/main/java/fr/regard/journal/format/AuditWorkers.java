package fr.regard.journal.format;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one parallel audit (docs/journal-format.md, "Audit", threads): {@code threads - 1} daemon workers
 * started for the audit and stopped at {@link #close()}, plus the auditing thread itself, which submits tasks and,
 * instead of idling while it waits for one, runs the oldest pending task. Tasks are pure computations (signatures,
 * leaf hashes, canonical checks, subtrees); every finding is still made by the auditing thread, in order.
 */
final class AuditWorkers implements AutoCloseable {

    /** A unit of work; {@link #compute} runs on exactly one thread, and {@link #awaitDone} publishes its results. */
    abstract static class Task {
        private volatile boolean done;
        private Throwable failure;

        /** The computation; {@code scratch} belongs to the running thread. */
        abstract void compute(Scratch scratch);

        final void runOn(Scratch scratch) {
            try {
                compute(scratch);
            } catch (Throwable t) {
                failure = t;
            }
            done = true;
        }

        /** Ready for a new submission. */
        void reset() {
            done = false;
            failure = null;
        }

        boolean isDone() {
            return done;
        }

        /** Whether {@link #compute} threw (once done). */
        boolean failed() {
            return failure != null;
        }

        /** Rethrows what escaped {@link #compute}, as it was. */
        void rethrowFailure() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Per-thread state of the tasks (digests, scanner, subtree), never shared between threads. */
    static final class Scratch {
        final EntryBatch.Hasher hasher = new EntryBatch.Hasher();
    }

    private static final Task STOP = new Task() {
        @Override
        void compute(Scratch scratch) {
        }
    };

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread owner = Thread.currentThread();
    private final Scratch ownerScratch = new Scratch();
    private final Thread[] workers;

    /** Starts {@code threads - 1} workers (at least one). */
    AuditWorkers(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("a parallel audit has at least 2 threads");
        }
        workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            Thread worker = new Thread(this::work, "regard-journal-audit-" + (i + 1));
            worker.setDaemon(true);
            workers[i] = worker;
        }
        for (Thread worker : workers) {
            worker.start();
        }
    }

    /** Number of threads working, the auditing thread included. */
    int threads() {
        return workers.length + 1;
    }

    void submit(Task task) {
        queue.add(task);
    }

    /** Waits until {@code task} is done, running pending tasks meanwhile; then its results are visible. */
    void awaitDone(Task task) {
        boolean interrupted = false;
        while (!task.isDone()) {
            Task pending = queue.poll();
            if (pending != null) {
                pending.runOn(ownerScratch);
                continue;
            }
            // poll() may have parked on the queue's lock and used up the permit of a worker that finished the task
            // meanwhile: look again, with nothing between this look and park() that could take the next permit
            if (task.isDone()) {
                break;
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            owner.interrupt();
        }
    }

    private void work() {
        Scratch scratch = new Scratch();
        while (true) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            task.runOn(scratch);
            LockSupport.unpark(owner);
        }
    }

    /** Stops the workers once they finish their current task; pending tasks are dropped. */
    @Override
    public void close() {
        queue.clear();
        for (int i = 0; i < workers.length; i++) {
            queue.add(STOP);
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            owner.interrupt();
        }
    }
}
