package streamworkbook.week04.solutions;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.LateData;
import streamworkbook.week04.WindowCount;

/** Reference solution of exercise 4.3. */
public class LateCounts implements LateData {

    @Override
    public SingleOutputStreamOperator<WindowCount> countsWithLateness(DataStream<ShopEvent> timestamped,
                                                                      Duration size, Duration allowedLateness) {
        return timestamped
                .keyBy(event -> event.type().wireName())
                .window(TumblingEventTimeWindows.of(size))
                // keep each window's state until watermark > end + lateness; the default event-time
                // trigger fires again for every late event in that time, with the updated count
                .allowedLateness(allowedLateness)
                // after that, do not drop late events silently: hand them to a side output
                .sideOutputLateData(TOO_LATE)
                .aggregate(new TumblingCounts.CountEvents(), new TumblingCounts.ToWindowCount())
                .name("count per type, with lateness");
    }
}
