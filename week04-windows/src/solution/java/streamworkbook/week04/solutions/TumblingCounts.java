package streamworkbook.week04.solutions;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.EventTimeWindows;
import streamworkbook.week04.WindowCount;

/** Reference solution of exercise 4.1. */
public class TumblingCounts implements EventTimeWindows {

    @Override
    public WatermarkStrategy<ShopEvent> watermarks(Duration maxOutOfOrderness, Duration idleTimeout) {
        return WatermarkStrategy.<ShopEvent>forBoundedOutOfOrderness(maxOutOfOrderness)
                // event time is when the shopper acted, not when Flink sees the record
                .withTimestampAssigner((event, recordTimestamp) -> event.eventTime().toEpochMilli())
                // a partition that falls silent stops counting in the minimum over inputs,
                // instead of freezing every window of the job
                .withIdleness(idleTimeout);
    }

    @Override
    public DataStream<WindowCount> countsPerType(DataStream<ShopEvent> timestamped, Duration size) {
        return timestamped
                .keyBy(event -> event.type().wireName())
                .window(TumblingEventTimeWindows.of(size))
                // the AggregateFunction keeps one Long per key and window, updated as events arrive;
                // the ProcessWindowFunction only adds the window's bounds when it fires
                .aggregate(new CountEvents(), new ToWindowCount())
                .name("count per type and window");
    }

    /** Counts events: the accumulator is the count so far. */
    public static class CountEvents implements AggregateFunction<ShopEvent, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(ShopEvent event, Long count) {
            return count + 1;
        }

        @Override
        public Long getResult(Long count) {
            return count;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Puts the key and the window's bounds next to the count. */
    public static class ToWindowCount extends ProcessWindowFunction<Long, WindowCount, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Long> counts, Collector<WindowCount> out) {
            TimeWindow window = context.window();
            out.collect(new WindowCount(key, Instant.ofEpochMilli(window.getStart()),
                    Instant.ofEpochMilli(window.getEnd()), counts.iterator().next()));
        }
    }
}
