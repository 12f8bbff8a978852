package streamworkbook.week06;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.testing.WatermarkAfterEveryEvent;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 6.3: your rollups over 3,000 events 90 s apart across four UTC days (some out of order by up to 3 s) and
 * five events that arrive ten minutes late, written with the reference sink into {@code metrics}; every row of the
 * three levels is compared with what the test computes from the events. The test's watermarks follow every event
 * (5 s behind the latest), so which events are late does not depend on timing.
 *
 * <p>Rejects:
 * <ul>
 *   <li>processing-time windows: the job reads everything in well under a minute of wall-clock time, so the buckets
 *       are wrong (or the bounded job ends before any fires);</li>
 *   <li>hours (or days) counted from the events again instead of from the minutes: the late events, dropped by their
 *       minute windows, are still counted by the open hour windows — five hours are one event too high;</li>
 *   <li>{@code bucket} = window end, or the time of the first event in the window, instead of the window start;</li>
 *   <li>hours that count minute rows instead of adding up their events;</li>
 *   <li>days with an offset (a time zone): the day buckets are not UTC midnights;</li>
 *   <li>allowed lateness on the minute windows: the late events are counted, and the minute rows fire twice.</li>
 * </ul>
 */
@Exercise("6.3")
class RollupsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final Rollups rollups = Exercises.pick(streamworkbook.week06.exercises.WindowRollups::new,
            streamworkbook.week06.solutions.WindowRollups::new);
    private final ClickHouseWriter writer = new streamworkbook.week06.solutions.JdbcClickHouseWriter();

    /** 3,000 events 90 s apart from 2026-11-24 10:00: 75 hours, across four UTC days, some out of order by up to 3 s. */
    private static final List<ShopEvent> IN_TIME = Fixtures.traffic(63, 3_000, 90_000);

    /** Five events 10 minutes older than the event before them, in the same hour: too late for their minute. */
    private static final List<ShopEvent> LATE = new ArrayList<>();

    /** The stream as the job reads it: the events in time, with a late one after every 600th. */
    private static final List<ShopEvent> EVENTS = new ArrayList<>();

    static {
        int next = 299;
        for (int i = 0; i < IN_TIME.size(); i++) {
            ShopEvent e = IN_TIME.get(i);
            EVENTS.add(e);
            // after events 300, 900, 1,500, 2,100 and 2,700 or so, one whose time is 10 minutes earlier — still in the same hour, whose
            // window is open, but in a minute whose window closed minutes ago
            if (i >= next && e.eventTime().atZone(ZoneOffset.UTC).getMinute() >= 12) {
                ShopEvent late = new ShopEvent("late-" + i, e.type(), e.eventTime().minus(Duration.ofMinutes(10)),
                        e.userId(), e.sessionId(), e.productId(), e.quantity(), e.price(), e.orderId(), e.rating(),
                        e.query(), e.page());
                LATE.add(late);
                EVENTS.add(late);
                next += 600;
            }
        }
    }

    private static final String READ = "SELECT level, bucket, event_type, events, revenue FROM metrics FINAL"
            + " ORDER BY level, event_type, bucket";

    record Row(String level, LocalDateTime bucket, String type, long events, BigDecimal revenue) {
    }

    private void run(ClickHouseEndpoint ch) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        // one reader, one watermark assigner: each window sees the events and watermarks in this order. A watermark after
        // each event (the latest time so far minus 5 s, as ShopPipeline.watermarks() but not on a timer): the same
        // events are late on every run
        var events = env.fromData(EVENTS, TypeInformation.of(ShopEvent.class))
                .assignTimestampsAndWatermarks(WatermarkAfterEveryEvent.of(ShopPipeline.OUT_OF_ORDERNESS,
                        (event, previous) -> event.eventTime().toEpochMilli()))
                .setParallelism(1);
        rollups.rollups(events).sinkTo(writer.metricsSink(ch, new SinkSettings(1_000, Duration.ofMillis(200), 1)));
        TestFlink.run(env, "6.3 rollups");
    }

    private static List<Row> read(ClickHouseEndpoint ch) throws Exception {
        return Fixtures.query(ch, READ, rs -> new Row(rs.getString(1), rs.getObject(2, LocalDateTime.class),
                rs.getString(3), rs.getLong(4), rs.getBigDecimal(5).setScale(2)));
    }

    /** What the three levels must hold, computed straight from the events in time (the late ones are in no level). */
    private static List<Row> expected() {
        Map<String, Row> rows = new TreeMap<>(); // "level type bucket" sorts as the query orders
        for (ShopEvent e : IN_TIME) {
            LocalDateTime t = LocalDateTime.ofInstant(e.eventTime(), ZoneOffset.UTC);
            for (var level : Map.of("minute", t.truncatedTo(ChronoUnit.MINUTES), "hour", t.truncatedTo(ChronoUnit.HOURS),
                    "day", t.truncatedTo(ChronoUnit.DAYS)).entrySet()) {
                String type = e.type().wireName();
                rows.merge(level.getKey() + " " + type + " " + level.getValue(),
                        new Row(level.getKey(), level.getValue(), type, 1, e.revenue().setScale(2)),
                        (a, b) -> new Row(a.level(), a.bucket(), a.type(), a.events() + 1, a.revenue().add(b.revenue())));
            }
        }
        return List.copyOf(rows.values());
    }

    @Test
    void minuteHourAndDayAggregatesAreExact() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, MetricsTable.CREATE);
        run(ch);

        List<Row> rows = read(ch);
        assertEquals(5, LATE.size(), "the test's late events");
        assertEquals(expected(), rows, "the rows of the three levels (the late events belong to no level)");
        // the day level adds up to every event, and to the same revenue as the minutes
        assertEquals(3_000, rows.stream().filter(r -> r.level().equals("day")).mapToLong(Row::events).sum());
        assertEquals(4, rows.stream().filter(r -> r.level().equals("day")).map(Row::bucket).distinct().count());
    }

    @Test
    void runningTheJobAgainLeavesTheAggregatesUnchanged() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, MetricsTable.CREATE);
        run(ch);
        List<Row> first = read(ch);
        run(ch); // the replay writes every row again, with the same key and the same values

        assertEquals(first, read(ch));
        Fixtures.execute(ch, "OPTIMIZE TABLE metrics FINAL");
        assertEquals(first.size(), Fixtures.count(ch, "SELECT count() FROM metrics"));
        assertEquals(expected(), first);
    }
}
