package streamworkbook.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.week09.ConsumerLag;
import streamworkbook.week09.LagExporter;
import streamworkbook.week10.TopicRecords;

/**
 * The demo's one line every few seconds: the generator's acknowledged rate, the job's consumer lag (week 9's
 * sampler, the same numbers Prometheus scrapes), what ClickHouse holds, alerts and dead letters, and the job's state.
 * Each part that cannot be read says so instead of failing the line: during a drill that is the point.
 */
final class StatusLine {

    private final TrafficPublisher traffic;
    private final LagExporter lag;
    private final ClickHouseEndpoint clickhouse;
    private final KafkaEndpoint kafka;
    private final PlatformTopics topics;
    private final Supplier<String> jobState;
    private long lastAcked;
    private long lastNanos = System.nanoTime();

    StatusLine(TrafficPublisher traffic, LagExporter lag, ClickHouseEndpoint clickhouse, KafkaEndpoint kafka,
               PlatformTopics topics, Supplier<String> jobState) {
        this.traffic = traffic;
        this.lag = lag;
        this.clickhouse = clickhouse;
        this.kafka = kafka;
        this.topics = topics;
        this.jobState = jobState;
    }

    String next() {
        long now = System.nanoTime();
        long acked = traffic.acked();
        double rate = (acked - lastAcked) / Math.max((now - lastNanos) / 1e9, 1e-3);
        lastAcked = acked;
        lastNanos = now;
        return String.format("%s  %,7.0f events/s · acked %,d · lag %s · ClickHouse %s · dead letters %s · job %s",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), rate, acked, lag(), clickhouse(), deadLetters(), state());
    }

    /** Records behind the job's committed offsets (committed at checkpoints), and the age of the oldest of them. */
    private String lag() {
        try {
            List<ConsumerLag.PartitionLag> lags = lag.sample();
            long records = lags.stream().mapToLong(ConsumerLag.PartitionLag::lag).sum();
            double seconds = lags.stream().mapToDouble(ConsumerLag.PartitionLag::lagSeconds).max().orElse(0);
            return String.format("%,d records (%.1f s)", records, seconds);
        } catch (Exception e) {
            return "? (" + e.getClass().getSimpleName() + ")";
        }
    }

    private String clickhouse() {
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count() FROM events), (SELECT count() FROM alerts FINAL)")) {
            rs.next();
            return String.format("%,d rows, %,d alerts", rs.getLong(1), rs.getLong(2));
        } catch (SQLException | RuntimeException e) {
            return "DOWN";
        }
    }

    private String deadLetters() {
        try {
            return String.format("%,d", TopicRecords.count(kafka, List.of(topics.deadLetters())));
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private String state() {
        try {
            return jobState.get();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
