package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import streamworkbook.week10.TopicRecords;

/**
 * {@code ./workbook demo --events N} end to end: week 7's generator → Kafka → the platform job (validation, events,
 * rollups, analytics, dead letters) → ClickHouse. Every record Kafka holds is accounted for exactly once: a valid event
 * as one row of {@code events FINAL}, a broken one as one dead letter; and every rollup equals the events it sums.
 * Rejects: a job that drops invalid records silently (dead letters ≠ invalid sent), a sink that loses or doubles
 * rows, rollups that count an event twice or miss one.
 */
class PlatformDemoTest {

    @Test
    // the shared servers start on first use (three processes, ~30 s on two cores), then a catalogue is seeded and a
    // bounded job runs: several minutes is the worst case on a loaded machine, not the usual
    @Timeout(400)
    void everyAcknowledgedRecordIsOneRowOrOneDeadLetter() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PlatformServers servers = SharedServers.get();
        PlatformDemo demo = new PlatformDemo(new PrintStream(printed, true, StandardCharsets.UTF_8), servers);

        int exit = new CommandLine(demo).execute("--events", "4000", "--rate", "0", "--invalid", "0.01", "--seed", "7");

        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, output);
        Reconciliation counts = demo.outcome().counts();
        // what Kafka itself holds in the six source topics, counted from their offsets
        long inKafka = TopicRecords.count(servers.kafka(), new PlatformTopics(demo.outcome().topicPrefix()).sources());
        assertEquals(4000, inKafka, output);
        assertEquals(4000, counts.ackedValid() + counts.ackedInvalid(), output);
        assertTrue(counts.ackedInvalid() >= 10 && counts.ackedInvalid() <= 80, "about 1 % broken on purpose: " + counts);
        assertEquals(counts.ackedValid(), counts.rowsFinal(), output);
        assertEquals(counts.ackedValid(), counts.distinctEvents(), output);
        assertEquals(counts.ackedInvalid(), counts.deadLetters(), output);
        assertEquals(0, counts.rollupMismatches(), output);
        assertTrue(counts.rollupBuckets() > 100, "minute, hour and day buckets compared: " + counts);
        assertEquals(counts.ackedValid(), demo.outcome().eventsByType().values().stream().mapToLong(Long::longValue).sum(), output);
        assertTrue(output.contains("— exact\n"), output);
        assertTrue(output.contains("50 categories, 10000 products, 5000 users, 10000 stock levels"), output);
    }
}
