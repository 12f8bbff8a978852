package streamworkbook.week04;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.2 — sliding windows and session windows. */
public interface SlidingAndSessions {

    /**
     * Product page views in sliding event-time windows: for {@code PAGE_VIEW} events that name a product (other
     * event types, and page views without a product, are not counted), one {@link WindowCount} per product
     * ({@code key = productId}) and window of {@code size} that had views, a new window starting every
     * {@code slide} (window starts are multiples of {@code slide} since the epoch). An event belongs to
     * {@code size / slide} overlapping windows. Each window is emitted once, when the watermark passes its end.
     */
    DataStream<WindowCount> productViews(DataStream<ShopEvent> timestamped, Duration size, Duration slide);

    /**
     * User sessions in event time: per user, events of any type whose neighbours (in event time) are at most
     * {@code gap} apart form one session; more than {@code gap} between two events starts a new one. An event that
     * arrives out of order can join two sessions into one. One {@link UserSession} per session, emitted when the
     * watermark passes its last event + gap: first and last event time, number of events and the sum of their
     * {@code revenue()}.
     */
    DataStream<UserSession> sessions(DataStream<ShopEvent> timestamped, Duration gap);
}
