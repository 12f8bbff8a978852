package streamworkbook.week06;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 6.3 — minute, hour and day aggregates computed in Flink. */
public interface Rollups {

    /**
     * Per event type, one {@link Metric} for every event-time minute ({@code level = "minute"}), hour
     * ({@code "hour"}) and UTC day ({@code "day"}) that has events: the number of events and the revenue, with
     * {@code bucket} = the start of the minute, hour or day (UTC).
     *
     * <p>The input has timestamps and watermarks already; windows allow no lateness. Hours are sums of the
     * minutes and days sums of the hours, not counted from the events again: so the three levels always agree,
     * and an event that arrives too late for its minute (the watermark has passed the minute's end) is in no level.
     */
    DataStream<Metric> rollups(DataStream<ShopEvent> events);
}
