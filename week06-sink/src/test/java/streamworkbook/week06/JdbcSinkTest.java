package streamworkbook.week06;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 6.1: your row binding and sink, in small Flink jobs writing into a plain MergeTree {@code events} (every
 * row written stays, so counts show losses and duplicates alike).
 *
 * <p>Rejects:
 * <ul>
 *   <li>{@code String.valueOf(field)} for a missing field: the review's session comes back as {@code "null"};</li>
 *   <li>unboxing a missing number ({@code ps.setInt(7, e.quantity())}): a NullPointerException fails the job;</li>
 *   <li>the time bound as a {@code LocalDateTime} (even {@code LocalDateTime.ofInstant(t, ZoneOffset.UTC)}):
 *       clickhouse-jdbc reads it in the JVM's time zone; the test runs the job with the JVM in Asia/Kolkata, and the
 *       times come back 5:30 off (an {@code OffsetDateTime}, an {@code Instant} or {@code setTimestamp} pass);</li>
 *   <li>the event type as {@code type().name()} ({@code PAGE_VIEW}) instead of its wire name;</li>
 *   <li>no retries ({@code withMaxRetries(0)}), or the connector's default of 3 instead of the settings' number:
 *       ClickHouse refuses inserts ("too many parts") for 4.5 s, longer than 3 retries wait (0 + 1 + 2 s), shorter
 *       than 4 (0 + 1 + 2 + 3 s), and the job fails;</li>
 *   <li>batch size or interval not taken from the settings: 5,000 events from two writers in batches of 300 must all
 *       be there, once (a sink that flushes only at the end would still pass this — the part count is not checked,
 *       because the number of parts depends on merges).</li>
 * </ul>
 */
@Exercise("6.1")
@OnTimeout("does your sink write its batches? A bounded job ends when the sink has flushed everything it was given")
class JdbcSinkTest {

    /** Spare TaskManagers (see {@link Fixtures#clusterWithSpareTaskManagers}): a sink that gives up costs one. */
    @RegisterExtension
    static final MiniClusterExtension FLINK = Fixtures.clusterWithSpareTaskManagers(3, 2);

    private final ClickHouseWriter writer = Exercises.pick(streamworkbook.week06.exercises.JdbcClickHouseWriter::new,
            streamworkbook.week06.solutions.JdbcClickHouseWriter::new);

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123Z");

    /** One event of each type, with the fields it does not use left null. */
    private static final List<ShopEvent> ONE_OF_EACH = List.of(
            ShopEvent.pageView("00000000-0000-0000-0000-000000000001", T0, "u-1", "s-1", "/product", "p-007"),
            ShopEvent.search("00000000-0000-0000-0000-000000000002", T0.plusMillis(1), "u-1", "s-1", "it's \"kafka\""),
            ShopEvent.addToCart("00000000-0000-0000-0000-000000000003", T0.plusSeconds(2), "u-2", "s-2", "p-007", 3, new BigDecimal("19.99")),
            ShopEvent.removeFromCart("00000000-0000-0000-0000-000000000004", T0.plusSeconds(3), "u-2", "s-2", "p-007", 1, new BigDecimal("19.99")),
            ShopEvent.purchase("00000000-0000-0000-0000-000000000005", T0.plusSeconds(4), "u-2", "s-2", "o-1", "p-007", 2, new BigDecimal("19.99")),
            ShopEvent.review("00000000-0000-0000-0000-000000000006", T0.plusSeconds(5), "u-3", null, "p-007", 5));

    @Test
    void everyFieldArrivesAsWrittenAndMissingOnesAsDefaults() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, Fixtures.PLAIN_EVENTS_TABLE);

        // a JVM far from UTC: a binding that uses the JVM's zone writes other times than the events'
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try {
            StreamExecutionEnvironment env = TestFlink.environment(1);
            env.fromData(ONE_OF_EACH, TypeInformation.of(ShopEvent.class))
                    .sinkTo(writer.eventsSink(ch, new SinkSettings(100, Duration.ofMillis(200), 0)));
            TestFlink.run(env, "6.1 one of each");
        } finally {
            TimeZone.setDefault(jvmZone);
        }

        // the time as ClickHouse prints it in the column's zone (UTC), so the reading side has no zone of its own
        List<String> rows = Fixtures.query(ch, "SELECT toString(event_id), event_type, toString(event_time), user_id,"
                + " session_id, product_id, quantity, price, order_id, rating, query, page FROM events ORDER BY event_time",
                rs -> String.join("|", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), String.valueOf(rs.getInt(7)), rs.getBigDecimal(8).setScale(2).toPlainString(),
                        rs.getString(9), String.valueOf(rs.getInt(10)), rs.getString(11), rs.getString(12)));
        assertEquals(List.of(
                "00000000-0000-0000-0000-000000000001|page_view|2026-11-24 10:00:00.123|u-1|s-1|p-007|0|0.00||0||/product",
                "00000000-0000-0000-0000-000000000002|search|2026-11-24 10:00:00.124|u-1|s-1||0|0.00||0|it's \"kafka\"|",
                "00000000-0000-0000-0000-000000000003|add_to_cart|2026-11-24 10:00:02.123|u-2|s-2|p-007|3|19.99||0||",
                "00000000-0000-0000-0000-000000000004|remove_from_cart|2026-11-24 10:00:03.123|u-2|s-2|p-007|1|19.99||0||",
                "00000000-0000-0000-0000-000000000005|purchase|2026-11-24 10:00:04.123|u-2|s-2|p-007|2|19.99|o-1|0||",
                "00000000-0000-0000-0000-000000000006|review|2026-11-24 10:00:05.123|u-3||p-007|0|0.00||5||"), rows);
    }

    @Test
    void fiveThousandEventsFromTwoWritersInSmallBatchesAllArriveOnce() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, Fixtures.PLAIN_EVENTS_TABLE);
        List<ShopEvent> events = Fixtures.traffic(61, 5_000, 50);

        StreamExecutionEnvironment env = TestFlink.environment(2);
        env.fromData(events, TypeInformation.of(ShopEvent.class)).rebalance()
                .sinkTo(writer.eventsSink(ch, new SinkSettings(300, Duration.ofMillis(100), 1))).setParallelism(2);
        TestFlink.run(env, "6.1 batches");

        // a plain MergeTree: every row written is there, so these counts also prove "no duplicates"
        assertEquals(5_000, Fixtures.count(ch, "SELECT count() FROM events"));
        assertEquals(5_000, Fixtures.count(ch, "SELECT uniqExact(event_id) FROM events"));
        assertEquals(Fixtures.expectedCounts(events), Fixtures.typeCounts(ch, "SELECT event_type, count() AS events,"
                + " sumIf(price * quantity, event_type = 'purchase') AS revenue FROM events GROUP BY event_type ORDER BY event_type"));
    }

    /** How often the server refused an INSERT with "too many parts" since it started. */
    private static long refusals(ClickHouseEndpoint ch) throws Exception {
        List<Long> counts = Fixtures.query(ch, "SELECT value FROM system.errors WHERE name = 'TOO_MANY_PARTS'", rs -> rs.getLong(1));
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    @Test
    void aBatchRefusedForAMomentGoesInOnARetry() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        // ClickHouse refuses inserts into a table with too many parts, the classic transient insert failure;
        // one part and a limit of one make it refuse every insert until the limit is raised again
        Fixtures.execute(ch, Fixtures.PLAIN_EVENTS_TABLE, "INSERT INTO events (event_id, event_type, event_time)"
                + " VALUES (generateUUIDv4(), 'page_view', '2000-01-01 00:00:00')",
                "ALTER TABLE events MODIFY SETTING parts_to_throw_insert = 1");
        long refusedBefore = refusals(ch);

        StreamExecutionEnvironment env = TestFlink.environment(1);
        env.fromData(ONE_OF_EACH, TypeInformation.of(ShopEvent.class))
                .sinkTo(writer.eventsSink(ch, new SinkSettings(100, Duration.ofMillis(100), 4)));
        JobClient job = env.executeAsync("6.1 retries");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (refusals(ch) == refusedBefore) {
            assertFalse(job.getJobStatus().get().isGloballyTerminalState(), "the job ended without writing anything");
            assertTrue(System.nanoTime() < deadline, "the sink wrote nothing within 20 s");
            Thread.sleep(20);
        }
        // the connector waits 0 s, 1 s, 2 s, 3 s… between tries: 4 retries span 6 s, 3 span only 3 s
        Thread.sleep(4_500);
        Fixtures.execute(ch, "ALTER TABLE events MODIFY SETTING parts_to_throw_insert = 3000");
        try {
            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            fail("the sink gave up while ClickHouse refused inserts for 4.5 s (" + (refusals(ch) - refusedBefore)
                    + " refusals); with the settings' 4 retries its last try would have come after 6 s, when ClickHouse"
                    + " accepted it again", e);
        }
        Fixtures.execute(ch, "ALTER TABLE events DROP PARTITION 200001");
        assertEquals(ONE_OF_EACH.size(), Fixtures.count(ch, "SELECT count() FROM events"), "every event once, after the retries");
        assertTrue(refusals(ch) - refusedBefore >= 4, "refused " + (refusals(ch) - refusedBefore) + " times before it went in");
    }
}
