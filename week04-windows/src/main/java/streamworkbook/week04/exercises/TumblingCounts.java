package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.EventTimeWindows;
import streamworkbook.week04.WindowCount;

/** Exercise 4.1 — your code. The contract is in {@link EventTimeWindows}; the steps in week04-windows/README.md. */
public class TumblingCounts implements EventTimeWindows {

    @Override
    public WatermarkStrategy<ShopEvent> watermarks(Duration maxOutOfOrderness, Duration idleTimeout) {
        // TODO 4.1 (part 1): WatermarkStrategy.<ShopEvent>forBoundedOutOfOrderness(maxOutOfOrderness)
        //  .withTimestampAssigner((event, recordTimestamp) -> the event time in epoch millis)
        //  .withIdleness(idleTimeout)
        throw new NotImplementedYet("4.1");
    }

    @Override
    public DataStream<WindowCount> countsPerType(DataStream<ShopEvent> timestamped, Duration size) {
        // TODO 4.1 (part 2): keyBy the type's wire name, window(TumblingEventTimeWindows.of(size)),
        //  then aggregate(countFunction, windowFunction):
        //  - an AggregateFunction<ShopEvent, Long, Long> counts (accumulator = count so far);
        //  - a ProcessWindowFunction<Long, WindowCount, String, TimeWindow> builds the WindowCount from
        //    the key, context.window().getStart()/getEnd() (epoch millis) and the one count it receives.
        //  Write both as public static nested classes: you will reuse them in 4.2 and 4.3.
        throw new NotImplementedYet("4.1");
    }
}
