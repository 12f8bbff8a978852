package streamworkbook.week04;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.1 — event time: timestamps, watermarks and tumbling windows. */
public interface EventTimeWindows {

    /**
     * A watermark strategy for shop events:
     * <ul>
     *   <li>each event's timestamp is its {@code eventTime} in epoch milliseconds;</li>
     *   <li>events arrive at most {@code maxOutOfOrderness} later than newer ones, so the watermark
     *       trails the highest timestamp seen by that much (Flink's bounded-out-of-orderness generator:
     *       {@code watermark = max timestamp − maxOutOfOrderness − 1 ms});</li>
     *   <li>a source split (a Kafka partition) that sends nothing for {@code idleTimeout} is marked idle,
     *       so it does not hold back the watermark of the whole job.</li>
     * </ul>
     */
    WatermarkStrategy<ShopEvent> watermarks(Duration maxOutOfOrderness, Duration idleTimeout);

    /**
     * Counts events per type in tumbling event-time windows of {@code size}: one {@link WindowCount} per
     * type and window that had events, with {@code key = type.wireName()} and the window's start and end.
     * The input already carries timestamps and watermarks. Each window is emitted once, when the
     * watermark passes its end; events that arrive after that are dropped (exercise 4.3 keeps them).
     */
    DataStream<WindowCount> countsPerType(DataStream<ShopEvent> timestamped, Duration size);
}
