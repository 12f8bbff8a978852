package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.EventTimeWindows;
import streamworkbook.week04.WindowCount;

/**
 * Exercise 4.1 — count each event type per window of the shoppers' own time: a watermark that tolerates the
 * stated disorder and does not stall on a silent partition, and a window that keeps one number per type, not
 * every event.
 *
 * <p>The contract is {@link EventTimeWindows}; the goal and graded hints are in
 * {@code week04-windows/README.md#41-event-time-and-tumbling-windows} ({@code ./workbook hint 4.1}).
 */
public class TumblingCounts implements EventTimeWindows {

    @Override
    public WatermarkStrategy<ShopEvent> watermarks(Duration maxOutOfOrderness, Duration idleTimeout) {
        throw new NotImplementedYet("4.1");
    }

    @Override
    public DataStream<WindowCount> countsPerType(DataStream<ShopEvent> timestamped, Duration size) {
        throw new NotImplementedYet("4.1");
    }
}
