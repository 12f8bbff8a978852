package streamworkbook.week11.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/**
 * Finds when each marker becomes visible to a ClickHouse query, and records its event-to-queryable latency.
 *
 * <p>Every {@code interval} it asks the table for the markers produced since the oldest one it has not seen yet:
 * <pre>
 * SELECT toString(event_id), toUnixTimestamp64Milli(event_time), count() FROM events
 * WHERE event_type = 'page_view' AND event_time &gt;= &lt;oldest unseen marker&gt; AND page = '/__marker'
 * GROUP BY event_id, event_time
 * </pre>
 * The sorting key {@code (event_type, event_time, …)} makes that read only the newest granules of page views, so a
 * poll costs the same on an empty table and on a billion rows (its rows read are reported). A marker first returned by
 * a poll became visible between the previous poll and the end of this one: the latency recorded is the end of this
 * poll minus the marker's event time — never less than the truth, at most one interval plus one query more.
 *
 * <p>Markers must be {@linkplain #expect announced} before they are sent. One that stays unseen for {@code giveUpAfter}
 * is counted missing, so that the window the poll reads keeps moving.
 */
public final class MarkerPoller implements AutoCloseable {

    /** What the poller saw, and what it cost. */
    /**
     * @param expected   markers announced
     * @param seen       announced markers found in time (each once, however many copies the table holds)
     * @param duplicates extra copies of seen markers at the moment they were first found
     * @param late       markers found only after they had been given up on (not in the latencies)
     * @param missing    markers given up on and never found
     */
    public record Stats(long expected, long seen, long duplicates, long late, long missing, long polls,
                        double meanPollMillis, double meanRowsRead, long pollerCpuMillis) {

        @Override
        public String toString() {
            return String.format("markers: %,d expected, %,d seen, %,d duplicated, %,d late, %,d missing; "
                            + "%,d polls, %.1f ms and %.0f rows read each, poller thread CPU %,d ms",
                    expected, seen, duplicates, late, missing, polls, meanPollMillis, meanRowsRead, pollerCpuMillis);
        }
    }

    private final ClickHouseHttp clickhouse;
    private final Markers markers;
    private final String table;
    private final Duration interval;
    private final Duration giveUpAfter;
    private final Latencies latencies;
    private final Map<String, Long> pending = new ConcurrentHashMap<>(); // id → produced at (epoch ms)
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    private final Set<String> late = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long expected;
    private volatile long duplicates;
    private volatile long polls;
    private volatile long pollNanos;
    private volatile long rowsRead;
    private volatile long cpuNanos;
    private volatile RuntimeException failure;

    public MarkerPoller(ClickHouseEndpoint clickhouse, String table, Markers markers, Duration interval, Duration giveUpAfter,
                        Latencies latencies) {
        this.clickhouse = new ClickHouseHttp(clickhouse);
        this.markers = markers;
        this.table = table;
        this.interval = interval;
        this.giveUpAfter = giveUpAfter;
        this.latencies = latencies;
        this.thread = new Thread(this::run, "marker-poller-" + table);
        this.thread.setDaemon(true);
    }

    public MarkerPoller start() {
        thread.start();
        return this;
    }

    /** Announces a marker about to be sent, produced at {@code producedAtMillis} (its event time). */
    public synchronized void expect(String id, long producedAtMillis) {
        pending.put(id, producedAtMillis);
        expected++;
    }

    /** Waits until every announced marker was seen or counted missing, or {@code timeout} passed; true if none is pending. */
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            if (failure != null) {
                throw failure;
            }
            Thread.sleep(20);
        }
        return pending.isEmpty();
    }

    public Stats stats() {
        long n = polls;
        return new Stats(expected, seen.size(), duplicates, late.size(), givenUp.size() - late.size(), n,
                n == 0 ? 0 : pollNanos / 1e6 / n, n == 0 ? 0 : (double) rowsRead / n, cpuNanos / 1_000_000);
    }

    public Latencies latencies() {
        return latencies;
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

    private void run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        long next = System.nanoTime();
        while (running) {
            next += interval.toNanos();
            try {
                if (!pending.isEmpty()) {
                    poll();
                }
            } catch (RuntimeException e) {
                if (running) {
                    failure = e;
                }
                return;
            } finally {
                if (threads.isCurrentThreadCpuTimeSupported()) {
                    cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
                }
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime(); // a slow poll: do not fire a burst of polls to catch up
            }
        }
    }

    private void poll() {
        long now = System.currentTimeMillis();
        long since = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : pending.entrySet()) {
            if (now - e.getValue() > giveUpAfter.toMillis()) {
                if (pending.remove(e.getKey()) != null) {
                    givenUp.add(e.getKey());
                }
            } else {
                since = Math.min(since, e.getValue());
            }
        }
        if (since == Long.MAX_VALUE) {
            return;
        }
        long start = System.nanoTime();
        ClickHouseHttp.Result result = clickhouse.query(
                "SELECT toString(event_id), toUnixTimestamp64Milli(event_time), count() FROM " + table
                        + " WHERE event_type = '" + Markers.TYPE.wireName() + "'"
                        + " AND event_time >= fromUnixTimestamp64Milli(" + since + ", 'UTC')"
                        + " AND page = '" + Markers.PAGE + "'"
                        + " AND startsWith(toString(event_id), '" + markers.runPrefix() + "')"
                        + " GROUP BY event_id, event_time");
        long visibleAt = System.currentTimeMillis();
        pollNanos += System.nanoTime() - start;
        polls++;
        rowsRead += Math.max(0, result.readRows());
        Set<String> fresh = new HashSet<>();
        for (String[] row : result.rows()) {
            String id = row[0];
            if (seen.contains(id) || !fresh.add(id)) {
                continue;
            }
            Long producedAt = pending.remove(id);
            if (producedAt == null) {
                if (givenUp.contains(id)) {
                    late.add(id);
                }
                continue;
            }
            seen.add(id);
            long copies = Long.parseLong(row[2]);
            if (copies > 1) {
                duplicates += copies - 1;
            }
            latencies.record(visibleAt - Long.parseLong(row[1]));
        }
    }
}
