package streamworkbook.week01;

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
import streamworkbook.kit.exercise.NotImplementedYet;

/**
 * Runs a {@link GroupConsumer}'s poll loop on its own thread, as a program would, and stops it from the
 * test thread with {@link GroupConsumer#shutdown()}. The handler records every event it gets; a test may
 * add what the handler does after that ({@code also}), such as failing or calling shutdown() itself.
 */
final class ConsumerRun implements AutoCloseable {

    /** How long a few thousand records may take to arrive: a second or two is usual, even on a loaded machine. */
    static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);

    private final GroupConsumer consumer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "poll-loop"));
    private final List<ConsumedEvent> received = Collections.synchronizedList(new ArrayList<>());
    private final Future<ConsumeSummary> running;

    ConsumerRun(GroupConsumer consumer, String group, Collection<String> topics) {
        this(consumer, group, topics, e -> { });
    }

    ConsumerRun(GroupConsumer consumer, String group, Collection<String> topics, EventHandler also) {
        this.consumer = consumer;
        this.running = thread.submit(() -> consumer.run(KafkaFixtures.kafka().clientConfig(), group, topics, e -> {
            received.add(e);
            also.handle(e);
        }));
    }

    /** Waits until the handler got {@code count} events; fails with what happened if they do not come. */
    ConsumerRun awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + RECEIVE_TIMEOUT.toNanos();
        while (received.size() < count) {
            if (running.isDone()) {
                Throwable failure = failureOf(running);
                throw new AssertionError("run() ended after " + received.size() + " of " + count
                        + " events, before shutdown() was called" + (failure == null ? "" : ", with " + failure), failure);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the handler got " + received.size() + " of " + count + " events in "
                        + RECEIVE_TIMEOUT.toSeconds() + " s: does a group without committed offsets start at the oldest record?");
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** Calls shutdown() from this thread and returns what run() returned; run() must end within 30 s. */
    ConsumeSummary stop() throws InterruptedException, ExecutionException {
        if (!running.isDone()) {
            consumer.shutdown();
        }
        return finished();
    }

    /** What run() returned, once it has ended by itself (e.g. after the handler called shutdown()). */
    ConsumeSummary finished() throws InterruptedException, ExecutionException {
        try {
            return running.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("run() did not return within 30 s of shutdown(): does shutdown() wake up a "
                    + "poll() that is waiting, and does the loop end on the WakeupException?");
        }
    }

    /** The exception run() ended with; fails if it returned normally or did not end within 30 s. */
    Throwable failure() throws InterruptedException {
        try {
            ConsumeSummary summary = running.get(30, TimeUnit.SECONDS);
            throw new AssertionError("run() returned " + summary + " instead of throwing the handler's exception");
        } catch (ExecutionException e) {
            if (NotImplementedYet.findIn(e) != null) {
                throw new AssertionError("run() is not written yet", e);   // reported as pending, not failing
            }
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("run() went on for 30 s after the handler threw: a handler's failure must end "
                    + "run() with that exception");
        }
    }

    /** The events the handler received, in the order it received them. */
    List<ConsumedEvent> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private static Throwable failureOf(Future<?> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
