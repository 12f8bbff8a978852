package streamworkbook.week06.exercises;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.Metric;
import streamworkbook.week06.Rollups;

/** Exercise 6.3 — your code. The contract is in {@link Rollups}; the steps in week06-sink/README.md. */
public class WindowRollups implements Rollups {

    @Override
    public DataStream<Metric> rollups(DataStream<ShopEvent> events) {
        // TODO 6.3:
        //  1. minutes: events.keyBy(e -> e.type().wireName()).window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
        //     .aggregate(<count + revenue>, <ProcessWindowFunction setting level "minute" and bucket = window start>)
        //  2. hours: minutes.keyBy(Metric::eventType).window(... ofHours(1)).reduce(<add two Metrics>, <level "hour">)
        //  3. days: the same from hours with Duration.ofDays(1)
        //  4. return minutes.union(hours, days)
        //  Hint: a window's output gets the timestamp window end − 1 ms; that is why a minute lands in its hour.
        throw new NotImplementedYet("6.3");
    }
}
