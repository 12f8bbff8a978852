package streamworkbook.week06.solutions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.Metric;
import streamworkbook.week06.Rollups;

/** Reference solution of exercise 6.3. */
public class WindowRollups implements Rollups {

    @Override
    public DataStream<Metric> rollups(DataStream<ShopEvent> events) {
        DataStream<Metric> minutes = events
                .keyBy(e -> e.type().wireName())
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new CountAndRevenue(), new AtWindowStart("minute"))
                .name("per minute");
        // A window's result carries the timestamp window end − 1 ms, so a minute falls into its own hour,
        // and an hour into its own day: each level is the sum of the level below — 60 rows per hour, not
        // every event again.
        DataStream<Metric> hours = rollUp(minutes, "hour", Duration.ofHours(1));
        DataStream<Metric> days = rollUp(hours, "day", Duration.ofDays(1)); // epoch-aligned: UTC days
        return minutes.union(hours, days);
    }

    private static DataStream<Metric> rollUp(DataStream<Metric> finer, String level, Duration size) {
        return finer
                .keyBy(Metric::eventType)
                .window(TumblingEventTimeWindows.of(size))
                .reduce((a, b) -> new Metric(level, a.bucket(), a.eventType(), a.events() + b.events(),
                        a.revenue().add(b.revenue())), new AtWindowStart(level))
                .name("per " + level);
    }

    /** Counts events and adds up revenue; the accumulator is a Metric whose level and bucket are filled in later. */
    public static final class CountAndRevenue implements AggregateFunction<ShopEvent, Metric, Metric> {
        @Override
        public Metric createAccumulator() {
            return new Metric("", Instant.EPOCH, "", 0, BigDecimal.ZERO);
        }

        @Override
        public Metric add(ShopEvent e, Metric acc) {
            return new Metric("", Instant.EPOCH, e.type().wireName(), acc.events() + 1, acc.revenue().add(e.revenue()));
        }

        @Override
        public Metric getResult(Metric acc) {
            return acc;
        }

        @Override
        public Metric merge(Metric a, Metric b) {
            return new Metric("", Instant.EPOCH, a.eventType(), a.events() + b.events(), a.revenue().add(b.revenue()));
        }
    }

    /** Stamps the level, and the window's start as the bucket. */
    public static final class AtWindowStart extends ProcessWindowFunction<Metric, Metric, String, TimeWindow> {
        private final String level;

        public AtWindowStart(String level) {
            this.level = level;
        }

        @Override
        public void process(String type, Context context, Iterable<Metric> sums, Collector<Metric> out) {
            Metric sum = sums.iterator().next(); // an aggregate or reduce window holds exactly one value
            out.collect(new Metric(level, Instant.ofEpochMilli(context.window().getStart()), type,
                    sum.events(), sum.revenue()));
        }
    }
}
