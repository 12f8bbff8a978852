package streamworkbook.week06;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;

@Exercise("6.3")
class RollupsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final Rollups rollups = Exercises.pick(streamworkbook.week06.exercises.WindowRollups::new,
            streamworkbook.week06.solutions.WindowRollups::new);
    private final ClickHouseWriter writer = new streamworkbook.week06.solutions.JdbcClickHouseWriter();

    /** 3,000 events 90 s apart from 2026-11-24 10:00: 75 hours, across four UTC days, some out of order by up to 3 s. */
    private static final List<ShopEvent> EVENTS = Fixtures.traffic(63, 3_000, 90_000);

    private static final String READ = "SELECT level, bucket, event_type, events, revenue FROM metrics FINAL"
            + " ORDER BY level, event_type, bucket";

    record Row(String level, LocalDateTime bucket, String type, long events, BigDecimal revenue) {
    }

    private void run(ClickHouseEndpoint ch) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        var events = env.fromData(EVENTS, TypeInformation.of(ShopEvent.class))
                .assignTimestampsAndWatermarks(ShopPipeline.watermarks());
        rollups.rollups(events).sinkTo(writer.metricsSink(ch, new SinkSettings(1_000, Duration.ofMillis(200), 1)));
        TestFlink.run(env, "6.3 rollups");
    }

    private static List<Row> read(ClickHouseEndpoint ch) throws Exception {
        return Fixtures.query(ch, READ, rs -> new Row(rs.getString(1), rs.getObject(2, LocalDateTime.class),
                rs.getString(3), rs.getLong(4), rs.getBigDecimal(5).setScale(2)));
    }

    /** What the three levels must hold, computed straight from the events. */
    private static List<Row> expected() {
        Map<String, Row> rows = new TreeMap<>(); // "level type bucket" sorts as the query orders
        for (ShopEvent e : EVENTS) {
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
        assertEquals(expected(), rows);
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
