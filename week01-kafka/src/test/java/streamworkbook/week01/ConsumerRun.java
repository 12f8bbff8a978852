package streamworkbook.week01;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link GroupConsumer}'s poll loop on its own thread, as a program would, and stops it from the
 * test thread with {@link GroupConsumer#shutdown()}.
 */
final class ConsumerRun implements AutoCloseable {

    private final GroupConsumer consumer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "poll-loop"));
    private final List<ConsumedEvent> received = Collections.synchronizedList(new ArrayList<>());
    private final Future<ConsumeSummary> running;

    ConsumerRun(GroupConsumer consumer, String group, Collection<String> topics) {
        this.consumer = consumer;
        this.running = thread.submit(() -> consumer.run(KafkaFixtures.kafka().clientConfig(), group, topics, received::add));
    }

    /** Waits until the handler got {@code count} events (or the loop ended early, e.g. with an error). */
    ConsumerRun awaitReceived(int count) {
        await().atMost(KafkaFixtures.TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> running.isDone() || received.size() >= count);
        return this;
    }

    /** Calls shutdown() from this thread and returns what run() returned; run() must end within 30 s. */
    ConsumeSummary stop() throws InterruptedException, ExecutionException {
        if (!running.isDone()) {
            consumer.shutdown();
        }
        try {
            return running.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("run() did not return within 30 s of shutdown()", e);
        }
    }

    /** The events the handler received, in the order it received them. */
    List<ConsumedEvent> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
