package streamworkbook.week06;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 6.3 — minute, hour and day aggregates computed in Flink. */
public interface Rollups {

    /**
     * Per event type, one {@link Metric} per event-time minute ({@code level = "minute"}), hour
     * ({@code "hour"}) and UTC day ({@code "day"}) that has events: the count and the revenue. The
     * input has timestamps and watermarks already. Hours are computed from the minutes and days from
     * the hours, not from the events again.
     */
    DataStream<Metric> rollups(DataStream<ShopEvent> events);
}
