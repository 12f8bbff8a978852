package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopTraffic;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.testing.WatermarkAfterEveryEvent;
import streamworkbook.week06.Metric;
import streamworkbook.week06.Rollups;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.solutions.WindowRollups;

/**
 * The platform's rollups over 2,000 events 30 s apart across a UTC midnight, with late ones mixed in: after the first
 * minute of every hour, a copy two minutes older (its minute, its hour and, at midnight, its day have fired already:
 * late, within the allowed lateness), and after every 250th event a copy 20 minutes older
 * (later than the allowed lateness). The watermark follows every event (5 s behind the latest), so which events are
 * late does not depend on timing. Each bucket's newest row — what {@code metrics FINAL} shows — must equal the events
 * in time plus the events late within the allowance; the ones later than that are in no level.
 *
 * <p>Rejects (each put into {@link LateAwareRollups} and seen failing): week 6's rollups unchanged (the late events are
 * in no level: the second test shows by how much); allowed lateness with week 6's {@code reduce} for hours and days
 * (a minute that fires twice is added twice); allowed lateness on the minutes only (a late minute whose hour or day
 * has fired is missing from it); no lateness on the days (the copies two minutes before midnight are missing from
 * their day).
 */
class LateAwareRollupsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    private static final Duration TWENTY_MINUTES = Duration.ofMinutes(20);

    private static final List<ShopEvent> IN_TIME = ShopTraffic.seed(42).startingAt(Instant.parse("2026-11-24T16:00:00Z"))
            .gap(Duration.ofSeconds(30)).disorder(Duration.ofSeconds(3)).take(2_000);

    /** Late by less than the allowance: counted. */
    private static final List<ShopEvent> LATE = new ArrayList<>();

    /** Later than the allowance: in no level. */
    private static final List<ShopEvent> TOO_LATE = new ArrayList<>();

    private static final List<ShopEvent> STREAM = new ArrayList<>();

    static {
        int copiedHour = IN_TIME.get(0).eventTime().atZone(ZoneOffset.UTC).getHour();
        for (int i = 0; i < IN_TIME.size(); i++) {
            ShopEvent e = IN_TIME.get(i);
            STREAM.add(e);
            var time = e.eventTime().atZone(ZoneOffset.UTC);
            // at hh:01 or a few seconds after, the watermark has passed hh:00: the copy, at hh-1:59, is late for its
            // minute, its hour and, at midnight, its day
            if (time.getHour() != copiedHour && time.getMinute() >= 1) {
                ShopEvent late = copy(e, "late-" + i, TWO_MINUTES);
                LATE.add(late);
                STREAM.add(late);
                copiedHour = time.getHour();
            }
            if (i % 250 == 249) {
                ShopEvent tooLate = copy(e, "too-late-" + i, TWENTY_MINUTES);
                TOO_LATE.add(tooLate);
                STREAM.add(tooLate);
            }
        }
    }

    private static ShopEvent copy(ShopEvent e, String id, Duration earlier) {
        return new ShopEvent(id, e.type(), e.eventTime().minus(earlier), e.userId(), e.sessionId(), e.productId(),
                e.quantity(), e.price(), e.orderId(), e.rating(), e.query(), e.page());
    }

    @Test
    @Timeout(120)
    void lateEventsWithinTheAllowanceCountInEveryLevel() throws Exception {
        List<ShopEvent> counted = new ArrayList<>(IN_TIME);
        counted.addAll(LATE);
        assertEquals(16, LATE.size(), "the test's late events: one per hour after the first");
        assertEquals(8, TOO_LATE.size(), "the test's events later than the allowance");

        Map<String, Metric> rows = newestPerBucket(run(new LateAwareRollups()));

        assertEquals(List.of(), differences(expected(counted), rows), "buckets whose newest row is not the events in time "
                + "plus the ones late within " + LateAwareRollups.ALLOWED_LATENESS.toMinutes() + " min (not the ones 20 min late)");
        assertEquals(2_016, rows.values().stream().filter(m -> m.level().equals("day")).mapToLong(Metric::events).sum());
    }

    /** The fixture's late events matter: week 6's rollups, which drop them, are short at every level. */
    @Test
    @Timeout(120)
    void weekSixRollupsDropTheLateEvents() throws Exception {
        Map<String, Metric> rows = newestPerBucket(run(new WindowRollups()));

        assertEquals(List.of(), differences(expected(IN_TIME), rows), "week 6: buckets that are not the events in time");
        assertNotEquals(expected(IN_TIME), expected(concat(IN_TIME, LATE)));
    }

    /** Runs the rollups over the stream on one reader, with a watermark after every event; their rows as they fired. */
    private static List<Metric> run(Rollups rollups) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        DataStream<ShopEvent> events = env.fromData(STREAM, TypeInformation.of(ShopEvent.class))
                .assignTimestampsAndWatermarks(WatermarkAfterEveryEvent.of(ShopPipeline.OUT_OF_ORDERNESS,
                        (event, previous) -> event.eventTime().toEpochMilli())).setParallelism(1);
        return TestFlink.collect(rollups.rollups(events));
    }

    /**
     * What {@code metrics FINAL} keeps: the last row of each (level, type, bucket). One bucket's rows all come from one
     * task, in the order they fired, and arrive in that order.
     */
    private static Map<String, Metric> newestPerBucket(List<Metric> fired) {
        Map<String, Metric> newest = new LinkedHashMap<>();
        for (Metric m : fired) {
            newest.put(key(m.level(), m.eventType(), m.bucket()), normalised(m));
        }
        return new TreeMap<>(newest);
    }

    private static Map<String, Metric> expected(List<ShopEvent> events) {
        Map<String, Metric> rows = new TreeMap<>();
        for (ShopEvent e : events) {
            Instant t = e.eventTime();
            for (var level : Map.of("minute", t.truncatedTo(ChronoUnit.MINUTES), "hour", t.truncatedTo(ChronoUnit.HOURS),
                    "day", t.truncatedTo(ChronoUnit.DAYS)).entrySet()) {
                String type = e.type().wireName();
                rows.merge(key(level.getKey(), type, level.getValue()),
                        normalised(new Metric(level.getKey(), level.getValue(), type, 1, e.revenue())),
                        (a, b) -> new Metric(a.level(), a.bucket(), type, a.events() + 1, a.revenue().add(b.revenue())));
            }
        }
        return rows;
    }

    /** "expected … but was …" for each bucket that differs, missing or extra, at most ten. */
    private static List<String> differences(Map<String, Metric> expected, Map<String, Metric> actual) {
        Map<String, Metric> all = new TreeMap<>(expected);
        all.putAll(actual);
        return all.keySet().stream()
                .filter(k -> !java.util.Objects.equals(expected.get(k), actual.get(k)))
                .map(k -> k + ": expected " + describe(expected.get(k)) + " but was " + describe(actual.get(k)))
                .limit(10).toList();
    }

    private static String describe(Metric m) {
        return m == null ? "no row" : m.events() + " events, revenue " + m.revenue();
    }

    private static String key(String level, String type, Instant bucket) {
        return level + " " + type + " " + bucket;
    }

    private static Metric normalised(Metric m) {
        return new Metric(m.level(), m.bucket(), m.eventType(), m.events(), m.revenue().setScale(2));
    }

    private static List<ShopEvent> concat(List<ShopEvent> a, List<ShopEvent> b) {
        List<ShopEvent> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
