package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.SlidingAndSessions;
import streamworkbook.week04.UserSession;
import streamworkbook.week04.WindowCount;

/**
 * Exercise 4.2 — views per product over overlapping windows, and each shopper's sessions: windows that end
 * when the shopper goes quiet, and that join up when a late event fills the gap between two of them.
 *
 * <p>The contract is {@link SlidingAndSessions}; the goal and graded hints are in
 * {@code week04-windows/README.md#42-sliding-and-session-windows} ({@code ./workbook hint 4.2}).
 */
public class ViewsAndSessions implements SlidingAndSessions {

    @Override
    public DataStream<WindowCount> productViews(DataStream<ShopEvent> timestamped, Duration size, Duration slide) {
        throw new NotImplementedYet("4.2");
    }

    @Override
    public DataStream<UserSession> sessions(DataStream<ShopEvent> timestamped, Duration gap) {
        throw new NotImplementedYet("4.2");
    }
}
