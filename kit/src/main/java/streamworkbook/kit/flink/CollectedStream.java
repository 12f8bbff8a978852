package streamworkbook.kit.flink;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What one stream of a test job emitted, gathered by a sink of parallelism 1 into this JVM's memory
 * (the shared MiniCluster runs in the same JVM). Capture several streams of one job — a window's output
 * and its late-data side output — then run the job once and read each.
 *
 * <pre>{@code
 * CollectedStream<Count> counts = CollectedStream.of(windowed);
 * CollectedStream<Event> late = CollectedStream.of(windowed.getSideOutput(LATE));
 * LocalFlink.run(env, "late data");
 * assertEquals(List.of(...), counts.values());
 * }</pre>
 */
public final class CollectedStream<T> {

    private static final Map<String, Queue<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String id;

    private CollectedStream(String id) {
        this.id = id;
    }

    /** Adds a collecting sink to the stream; read {@link #values()} after the job has finished. */
    public static <T> CollectedStream<T> of(DataStream<T> stream) {
        String id = UUID.randomUUID().toString();
        RESULTS.put(id, new ConcurrentLinkedQueue<>());
        stream.sinkTo(new CollectingSink<>(id)).name("collect").setParallelism(1);
        return new CollectedStream<>(id);
    }

    /** Everything the stream emitted so far, in the order the sink received it. */
    @SuppressWarnings("unchecked")
    public List<T> values() {
        return (List<T>) List.copyOf(RESULTS.get(id));
    }

    private static final class CollectingSink<T> implements Sink<T> {
        private final String id;

        CollectingSink(String id) {
            this.id = id;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            Queue<Object> target = RESULTS.get(id);
            if (target == null) {
                throw new IllegalStateException("CollectedStream works only on the in-JVM cluster of LocalFlink");
            }
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    target.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
