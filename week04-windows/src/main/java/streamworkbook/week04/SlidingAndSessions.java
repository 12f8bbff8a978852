package streamworkbook.week04;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.2 — sliding windows and session windows. */
public interface SlidingAndSessions {

    /**
     * Product page views in sliding windows: for {@code PAGE_VIEW} events that name a product, one
     * {@link WindowCount} per product ({@code key = productId}) and window of {@code size}, a new window
     * starting every {@code slide}. An event belongs to {@code size / slide} overlapping windows.
     */
    DataStream<WindowCount> productViews(DataStream<ShopEvent> timestamped, Duration size, Duration slide);

    /**
     * User sessions: per user, events of any type with no gap of more than {@code gap} between neighbours
     * form one session (Flink's event-time session windows). One {@link UserSession} per session, emitted
     * when the watermark passes its last event + gap: first and last event time, number of events and the
     * sum of their {@code revenue()}.
     * Use an {@code AggregateFunction}, so a session's state is one small accumulator, not every event;
     * session windows merge, so write its {@code merge}.
     */
    DataStream<UserSession> sessions(DataStream<ShopEvent> timestamped, Duration gap);
}
