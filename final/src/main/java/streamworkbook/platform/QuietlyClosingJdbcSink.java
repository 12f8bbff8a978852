package streamworkbook.platform;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Week 6's JDBC sink, unchanged, except that its writer's {@code close()} does not throw. Why: when ClickHouse is down
 * the sink fails the job (as it should, after its retries); the failed task then closes the writer, whose close tries
 * to flush the same batch once more and throws "Writing records to JDBC failed" (connector 4.0.0-2.0). Flink treats an
 * exception while a failed task releases its resources as a <em>fatal TaskManager error</em>: the TaskManager stops
 * (a MiniCluster loses it, a standalone TaskManager process exits), so every outage of ClickHouse cost a TaskManager
 * and the job soon had no slot to restart in. The rows of that batch are not lost by ignoring the error: they were
 * never acknowledged by a checkpoint, so the restarted job reads and writes them again.
 */
final class QuietlyClosingJdbcSink<T> implements Sink<T>, SupportsWriterState<T, JdbcWriterState>, SupportsCommitter<JdbcCommitable> {

    private static final Logger LOG = LoggerFactory.getLogger(QuietlyClosingJdbcSink.class);

    private final JdbcSink<T> sink;

    private QuietlyClosingJdbcSink(JdbcSink<T> sink) {
        this.sink = sink;
    }

    /** Wraps a JDBC sink; any other sink is returned as it is. */
    @SuppressWarnings("unchecked")
    static <T> Sink<T> wrap(Sink<T> sink) {
        return sink instanceof JdbcSink<?> jdbc ? new QuietlyClosingJdbcSink<>((JdbcSink<T>) jdbc) : sink;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(sink.createWriter(context));
    }

    @Override
    public StatefulSinkWriter<T, JdbcWriterState> restoreWriter(WriterInitContext context, Collection<JdbcWriterState> states)
            throws IOException {
        return new Writer<>(sink.restoreWriter(context, states));
    }

    @Override
    public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
        return sink.getWriterStateSerializer();
    }

    @Override
    public Committer<JdbcCommitable> createCommitter(CommitterInitContext context) throws IOException {
        return sink.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
        return sink.getCommittableSerializer();
    }

    /** The JDBC writer, every call passed on; close reports a failure in one line instead of throwing it. */
    private static final class Writer<T> implements StatefulSinkWriter<T, JdbcWriterState>, CommittingSinkWriter<T, JdbcCommitable> {
        private final org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter<T> writer;

        Writer(org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter<T> writer) {
            this.writer = writer;
        }

        @Override
        public void write(T element, Context context) throws IOException, InterruptedException {
            writer.write(element, context);
        }

        @Override
        public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
            writer.writeWatermark(watermark);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writer.flush(endOfInput);
        }

        @Override
        public Collection<JdbcCommitable> prepareCommit() throws IOException, InterruptedException {
            return writer.prepareCommit();
        }

        @Override
        public List<JdbcWriterState> snapshotState(long checkpointId) throws IOException {
            return writer.snapshotState(checkpointId);
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (Exception e) {
                LOG.warn("JDBC sink closed with a batch it could not write ({}); the restarted job writes it again", e.getMessage());
            }
        }
    }
}
