package streamworkbook.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.Metric;
import streamworkbook.week06.Rollups;
import streamworkbook.week06.solutions.WindowRollups;

/**
 * Week 6's minute, hour and day rollups (exercise 6.3), except that an event arriving after its minute closed is
 * counted instead of dropped — the "going further" of week 6. Week 6 drops it at every level, which keeps the levels
 * consistent; the platform promises more: every closed bucket equals the events in {@code events FINAL}. And a live
 * platform does see late events: a record the generator's producer gives up on after its two-minute delivery timeout
 * (a batch caught in a broker's {@code kill -9}) is sent again with its original event time, minutes behind the
 * watermark. A CI run of the one-broker-of-three drill ended with every event in ClickHouse and three buckets one
 * event short — a minute, its hour and its day: one late event's mark.
 *
 * <p>How: every level allows {@link #ALLOWED_LATENESS}; a late event makes its minute fire again with the whole
 * minute's count, and that second result must <em>replace</em> the first in the hour's sum, not add to it — so the
 * hours and days keep each finer bucket's newest result and sum those. The {@code metrics} table's
 * ReplacingMergeTree (version {@code written_at}) then keeps each bucket's newest row. An event later than the
 * allowed lateness is in no level, as in week 6.
 */
final class LateAwareRollups implements Rollups {

    /**
     * How long after a window's end a late event still counts: the generator's delivery timeout (2 min) plus the
     * minute itself and the watermark's delay, with room to spare. It costs each window's small state for as long.
     */
    static final Duration ALLOWED_LATENESS = Duration.ofMinutes(5);

    @Override
    public DataStream<Metric> rollups(DataStream<ShopEvent> events) {
        DataStream<Metric> minutes = events
                .keyBy(e -> e.type().wireName())
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .allowedLateness(ALLOWED_LATENESS)
                .aggregate(new WindowRollups.CountAndRevenue(), new WindowRollups.AtWindowStart("minute"))
                .name("per minute");
        DataStream<Metric> hours = rollUp(minutes, "hour", Duration.ofHours(1));
        DataStream<Metric> days = rollUp(hours, "day", Duration.ofDays(1));
        return minutes.union(hours, days);
    }

    /**
     * A finer result fired again after a late event still falls into its own hour (or day) window: its timestamp is its
     * window's end − 1 ms, and this window allows the same lateness, so it has not been dropped yet either.
     */
    private static DataStream<Metric> rollUp(DataStream<Metric> finer, String level, Duration size) {
        return finer
                .keyBy(Metric::eventType)
                .window(TumblingEventTimeWindows.of(size))
                .allowedLateness(ALLOWED_LATENESS)
                .process(new SumOfNewest(level))
                .name("per " + level);
    }

    /**
     * The sum of the finer buckets in this window, each bucket's newest result only. The window keeps the finer
     * results as they came (60 minutes an hour, 24 hours a day, plus the late firings); a bucket's results come from
     * one upstream task in the order they fired, so the last one seen is the newest.
     */
    static final class SumOfNewest extends ProcessWindowFunction<Metric, Metric, String, TimeWindow> {
        private final String level;

        SumOfNewest(String level) {
            this.level = level;
        }

        @Override
        public void process(String type, Context context, Iterable<Metric> finer, Collector<Metric> out) {
            Map<Instant, Metric> newest = new HashMap<>();
            for (Metric m : finer) {
                newest.put(m.bucket(), m);
            }
            long events = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            for (Metric m : newest.values()) {
                events += m.events();
                revenue = revenue.add(m.revenue());
            }
            out.collect(new Metric(level, Instant.ofEpochMilli(context.window().getStart()), type, events, revenue));
        }
    }
}
