package streamworkbook.kit.infra.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Blocking tasks run side by side, one thread each, for as long as they take.
 *
 * <p>Why not {@code CompletableFuture.runAsync(task)}: without an executor it runs on the common fork-join pool. On
 * Java 17 a 2-core machine's pool is too small to be used, so every task got its own thread; on Java 25 the tasks
 * share the pool's one worker and run one after the other. Tasks that wait for each other, such as Kafka nodes that
 * wait for a quorum of nodes, then wait forever.
 */
public final class SideBySide {

    private static final Executor THREAD_PER_TASK = task -> {
        Thread thread = new Thread(task, "side-by-side");
        thread.setDaemon(true);
        thread.start();
    };

    private SideBySide() {
    }

    /** Runs every task on its own thread and returns when all have ended; rethrows the first task's failure. */
    public static void run(List<Runnable> tasks) {
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(CompletableFuture.runAsync(task, THREAD_PER_TASK));
        }
        join(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)));
    }

    /** Starts {@code task} on its own thread. */
    public static <T> CompletableFuture<T> start(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, THREAD_PER_TASK);
    }

    /** The future's value; a task's runtime failure comes out as itself, not wrapped in a {@link CompletionException}. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
