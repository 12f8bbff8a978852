package streamworkbook.kit.testing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * What one stream of a test job emitted, through Flink's own {@link DataStream#collectAsync()}. Capture several
 * streams of one job — a window's output and its late-data side output — then run it once with
 * {@link TestFlink#run} and read each.
 *
 * <pre>{@code
 * CollectedStream<Count> counts = CollectedStream.of(windowed);
 * CollectedStream<Event> late = CollectedStream.of(windowed.getSideOutput(LATE));
 * TestFlink.run(env, "late data");
 * assertEquals(List.of(...), counts.values());
 * }</pre>
 */
public final class CollectedStream<T> {

    /** The streams collected per environment, until its job runs. */
    private static final Map<StreamExecutionEnvironment, List<CollectedStream<?>>> PENDING = new IdentityHashMap<>();

    /** A thread per stream being read (not the common pool: on two cores it has one thread). */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "collect-reader");
        t.setDaemon(true);
        return t;
    });

    private final CloseableIterator<T> iterator;
    private CompletableFuture<List<T>> values;

    private CollectedStream(CloseableIterator<T> iterator) {
        this.iterator = iterator;
    }

    /** Collects the stream; read {@link #values()} after {@link TestFlink#run} has run its job. */
    public static <T> CollectedStream<T> of(DataStream<T> stream) {
        CollectedStream<T> collected = new CollectedStream<>(stream.collectAsync());
        synchronized (PENDING) {
            PENDING.computeIfAbsent(stream.getExecutionEnvironment(), e -> new ArrayList<>()).add(collected);
        }
        return collected;
    }

    /** Everything the stream emitted, in the order it arrived. */
    public List<T> values() throws ExecutionException, InterruptedException {
        if (values == null) {
            throw new IllegalStateException("the job has not run: call TestFlink.run(env, name) first");
        }
        return values.get();
    }

    /**
     * Reads every stream of the environment's submitted job on its own thread: the job blocks when one
     * stream's buffer is full, so reading them one after the other could wait forever.
     */
    static Draining drainAll(StreamExecutionEnvironment env) {
        List<CollectedStream<?>> streams;
        synchronized (PENDING) {
            streams = PENDING.remove(env);
        }
        List<CollectedStream<?>> all = streams == null ? List.of() : streams;
        all.forEach(CollectedStream::startDraining);
        return new Draining(all);
    }

    private void startDraining() {
        values = CompletableFuture.supplyAsync(() -> {
            List<T> out = new ArrayList<>();
            iterator.forEachRemaining(out::add);
            return out;
        }, READERS);
    }

    /** The readers of one job's streams; closing them frees the job's collect sinks if the test gave up early. */
    static final class Draining implements AutoCloseable {
        private final List<CollectedStream<?>> streams;

        private Draining(List<CollectedStream<?>> streams) {
            this.streams = streams;
        }

        void awaitEnd() throws ExecutionException, InterruptedException {
            for (CollectedStream<?> s : streams) {
                s.values.get();
            }
        }

        @Override
        public void close() throws Exception {
            for (CollectedStream<?> s : streams) {
                s.iterator.close();
            }
        }
    }
}
