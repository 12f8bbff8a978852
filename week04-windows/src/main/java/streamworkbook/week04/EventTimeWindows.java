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
     *   <li>events arrive at most {@code maxOutOfOrderness} behind the newest one seen, so the watermark trails
     *       the highest timestamp seen by that much: {@code watermark = max timestamp − maxOutOfOrderness − 1 ms}
     *       (nothing at or before it is expected any more);</li>
     *   <li>a source split (a Kafka partition) that sends nothing for {@code idleTimeout} of processing time is
     *       marked idle, so it does not hold back the watermark of the whole job; not before.</li>
     * </ul>
     */
    WatermarkStrategy<ShopEvent> watermarks(Duration maxOutOfOrderness, Duration idleTimeout);

    /**
     * Counts events per type in tumbling event-time windows of {@code size} (window starts are multiples of
     * {@code size} since the epoch): one {@link WindowCount} per type and window that had events, with
     * {@code key = type.wireName()} and the window's start and end. The input already carries timestamps and
     * watermarks. Each window is emitted once, when the watermark passes its end; events that arrive after that
     * are dropped (exercise 4.3 keeps them).
     */
    DataStream<WindowCount> countsPerType(DataStream<ShopEvent> timestamped, Duration size);
}
