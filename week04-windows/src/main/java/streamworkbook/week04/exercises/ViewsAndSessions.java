package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.SlidingAndSessions;
import streamworkbook.week04.UserSession;
import streamworkbook.week04.WindowCount;

/** Exercise 4.2 — your code. The contract is in {@link SlidingAndSessions}; the steps in week04-windows/README.md. */
public class ViewsAndSessions implements SlidingAndSessions {

    @Override
    public DataStream<WindowCount> productViews(DataStream<ShopEvent> timestamped, Duration size, Duration slide) {
        // TODO 4.2 (part 1): filter page views that have a productId, keyBy(ShopEvent::productId),
        //  window(SlidingEventTimeWindows.of(size, slide)), and count as in 4.1.
        throw new NotImplementedYet("4.2");
    }

    @Override
    public DataStream<UserSession> sessions(DataStream<ShopEvent> timestamped, Duration gap) {
        // TODO 4.2 (part 2): keyBy(ShopEvent::userId), window(EventTimeSessionWindows.withGap(gap)),
        //  aggregate(new an AggregateFunction, new a ProcessWindowFunction):
        //  - accumulator: a public record of (events, revenue, firstMillis, lastMillis) — a Flink POJO;
        //  - merge(a, b) adds counts and revenue and takes the min first / max last: Flink calls it when a
        //    late-arriving event bridges two sessions of one user;
        //  - the window function adds the user id (the key) and converts millis to Instant.
        throw new NotImplementedYet("4.2");
    }
}
