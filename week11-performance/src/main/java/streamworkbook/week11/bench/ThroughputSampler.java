package streamworkbook.week11.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/**
 * Rows queryable over time: {@code SELECT count() FROM table} every {@code intervalMillis} (for a MergeTree that count
 * comes from the parts' metadata — it reads no column, so sampling costs next to nothing).
 */
public final class ThroughputSampler implements AutoCloseable {

    /** Rows in the table {@code millis} after the sampler started. */
    public record Sample(long millis, long rows) {
    }

    private final ClickHouseHttp clickhouse;
    private final String table;
    private final long intervalMillis;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final long start = System.nanoTime();

    public ThroughputSampler(ClickHouseEndpoint clickhouse, String table, long intervalMillis) {
        this.clickhouse = new ClickHouseHttp(clickhouse);
        this.table = table;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::run, "throughput-" + table);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The latest sample's row count (0 before the first). */
    public synchronized long rows() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).rows();
    }

    private void run() {
        while (running) {
            long at = (System.nanoTime() - start) / 1_000_000;
            try {
                long rows = clickhouse.queryLong("SELECT count() FROM " + table);
                synchronized (this) {
                    samples.add(new Sample(at, rows));
                }
            } catch (RuntimeException e) {
                // a sample lost to a busy server is a gap in the plot, not a failed benchmark
            }
            LockSupport.parkNanos(intervalMillis * 1_000_000);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
