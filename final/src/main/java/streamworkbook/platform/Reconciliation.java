package streamworkbook.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.week10.DeadLetter;
import streamworkbook.week10.DeadLetters;

/**
 * The exact counts a run (or a drill) is judged by: what Kafka acknowledged against what ClickHouse and the
 * dead-letter topic hold. Sinks are at least once, so duplicates are expected in the raw tables and topic; what must
 * be exact is what a reader sees: {@code events FINAL}, distinct event ids, distinct dead letters (by the source
 * record's coordinates), and rollups equal to the events they sum.
 *
 * @param ackedValid        valid events Kafka acknowledged
 * @param ackedInvalid      records broken on purpose that Kafka acknowledged
 * @param rowsFinal         rows of {@code events FINAL}
 * @param distinctEvents    distinct event ids in {@code events}
 * @param rawRows           rows of {@code events} before merges (more than distinct when a replay wrote some again)
 * @param deadLetters       distinct source records in the dead-letter topic
 * @param rollupMismatches  minute, hour and day buckets (closed ones) whose count in {@code metrics FINAL} differs from
 *                          the events in {@code events FINAL}: a bucket counted twice, or missed
 * @param rollupBuckets     the closed buckets compared
 * @param rollupDifferences the first few differing buckets, each "level type bucket: metrics N, events M"
 */
record Reconciliation(long ackedValid, long ackedInvalid, long rowsFinal, long distinctEvents, long rawRows,
                      long deadLetters, long rollupMismatches, long rollupBuckets, List<String> rollupDifferences) {

    /** How many differing buckets the summary names. */
    private static final int NAMED_DIFFERENCES = 3;

    boolean exact() {
        return ackedValid == rowsFinal && rowsFinal == distinctEvents && deadLetters == ackedInvalid && rollupMismatches == 0;
    }

    String summary() {
        return String.format("Kafka acknowledged %,d valid + %,d invalid · ClickHouse %,d rows FINAL, %,d distinct ids (%,d raw rows)"
                        + " · %,d dead letters · rollups: %,d of %,d closed buckets differ from the events%s",
                ackedValid, ackedInvalid, rowsFinal, distinctEvents, rawRows, deadLetters, rollupMismatches, rollupBuckets,
                exact() ? " — exact" : " — MISMATCH" + (rollupDifferences.isEmpty() ? "" : " (" + String.join("; ", rollupDifferences) + ")"));
    }

    /** Counts everything; buckets are compared only if their window has closed before {@code closedBefore}. */
    static Reconciliation of(long ackedValid, long ackedInvalid, ClickHouseEndpoint clickhouse, KafkaEndpoint kafka,
                             String deadLetterTopic, Instant closedBefore) throws SQLException {
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            long rowsFinal = single(s, "SELECT count() FROM events FINAL");
            long distinct = single(s, "SELECT uniqExact(event_id) FROM events");
            long raw = single(s, "SELECT count() FROM events");
            List<String> differences = new ArrayList<>();
            long[] rollups = rollupMismatches(s, closedBefore, differences);
            return new Reconciliation(ackedValid, ackedInvalid, rowsFinal, distinct, raw,
                    distinctDeadLetters(kafka, deadLetterTopic), rollups[0], rollups[1], List.copyOf(differences));
        }
    }

    /**
     * [mismatching buckets, buckets compared] over the three levels: each level's events per (type, bucket) in
     * {@code metrics FINAL} against a count of {@code events FINAL}, for buckets whose window ended before
     * {@code closedBefore}; the first few differing buckets are added to {@code differences}.
     */
    private static long[] rollupMismatches(Statement s, Instant closedBefore, List<String> differences) throws SQLException {
        long mismatches = 0;
        long buckets = 0;
        for (Map.Entry<String, String> level : Map.of("minute", "toStartOfMinute", "hour", "toStartOfHour", "day", "toStartOfDay").entrySet()) {
            long seconds = switch (level.getKey()) {
                case "minute" -> 60;
                case "hour" -> 3600;
                default -> 86400;
            };
            String closed = "toUnixTimestamp(bucket) + " + seconds + " <= " + closedBefore.getEpochSecond();
            // a bucket on one side only is 0 on the other (join_use_nulls is off): it differs
            String joined = """
                    (SELECT event_type, bucket, events FROM metrics FINAL WHERE level = '%1$s' AND %3$s) AS m
                    FULL OUTER JOIN
                    (SELECT event_type, toDateTime(%2$s(event_time), 'UTC') AS bucket, count() AS events FROM events FINAL
                     GROUP BY event_type, bucket HAVING %3$s) AS e
                    USING (event_type, bucket)""".formatted(level.getKey(), level.getValue(), closed);
            long differing;
            try (ResultSet rs = s.executeQuery("SELECT countIf(m.events != e.events), count() FROM " + joined)) {
                rs.next();
                differing = rs.getLong(1);
                buckets += rs.getLong(2);
            }
            mismatches += differing;
            if (differing > 0 && differences.size() < NAMED_DIFFERENCES) {
                List<String[]> named = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT event_type, toString(bucket), m.events, e.events FROM " + joined
                        + " WHERE m.events != e.events ORDER BY bucket, event_type LIMIT " + (NAMED_DIFFERENCES - differences.size()))) {
                    while (rs.next()) {
                        named.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
                for (String[] d : named) {
                    // every row written for the bucket, oldest first (events@written_at): one missing, or an older one kept?
                    String rows;
                    try (ResultSet rs = s.executeQuery("SELECT arrayStringConcat(groupArray(concat(toString(events), '@', toString(written_at))), ' ')"
                            + " FROM (SELECT events, written_at FROM metrics WHERE level = '" + level.getKey() + "' AND event_type = '" + d[0]
                            + "' AND bucket = '" + d[1] + "' ORDER BY written_at)")) {
                        rows = rs.next() ? rs.getString(1) : "";
                    }
                    differences.add(String.format("%s %s %s: metrics %s, events %s, rows written %s", level.getKey(), d[0], d[1], d[2], d[3],
                            rows.isEmpty() ? "none" : rows));
                }
            }
        }
        return new long[] {mismatches, buckets};
    }

    /** Reads the whole dead-letter topic and counts distinct source records (the sink may write one twice after a restart). */
    static long distinctDeadLetters(KafkaEndpoint kafka, String topic) {
        Map<String, Object> config = kafka.clientConfig();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Set<String> sources = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 2 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter letter = DeadLetters.fromRecord(record);
                    sources.add(letter.coordinates());
                }
            }
            return sources.size();
        }
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
