package streamworkbook.week04.solutions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.SlidingAndSessions;
import streamworkbook.week04.UserSession;
import streamworkbook.week04.WindowCount;

/** Reference solution of exercise 4.2. */
public class ViewsAndSessions implements SlidingAndSessions {

    @Override
    public DataStream<WindowCount> productViews(DataStream<ShopEvent> timestamped, Duration size, Duration slide) {
        return timestamped
                .filter(e -> e.type() == EventType.PAGE_VIEW && e.productId() != null).name("product views")
                .keyBy(ShopEvent::productId)
                // each event is added to size/slide windows; the same count logic as the tumbling case
                .window(SlidingEventTimeWindows.of(size, slide))
                .aggregate(new TumblingCounts.CountEvents(), new TumblingCounts.ToWindowCount())
                .name("views per product, sliding");
    }

    @Override
    public DataStream<UserSession> sessions(DataStream<ShopEvent> timestamped, Duration gap) {
        return timestamped
                .keyBy(ShopEvent::userId)
                // every event opens a window [t, t + gap); overlapping windows of a key merge into one
                .window(EventTimeSessionWindows.withGap(gap))
                .aggregate(new SessionStats(), new ToUserSession())
                .name("user sessions");
    }

    /** What a session window keeps while it is open: four numbers, however many events. */
    public record Stats(long events, BigDecimal revenue, long firstMillis, long lastMillis) {
    }

    public static class SessionStats implements AggregateFunction<ShopEvent, Stats, Stats> {
        @Override
        public Stats createAccumulator() {
            return new Stats(0, BigDecimal.ZERO, Long.MAX_VALUE, Long.MIN_VALUE);
        }

        @Override
        public Stats add(ShopEvent e, Stats s) {
            long t = e.eventTime().toEpochMilli();
            return new Stats(s.events() + 1, s.revenue().add(e.revenue()),
                    Math.min(s.firstMillis(), t), Math.max(s.lastMillis(), t));
        }

        @Override
        public Stats getResult(Stats s) {
            return s;
        }

        /** Called when a new event bridges two sessions of the same user into one. */
        @Override
        public Stats merge(Stats a, Stats b) {
            return new Stats(a.events() + b.events(), a.revenue().add(b.revenue()),
                    Math.min(a.firstMillis(), b.firstMillis()), Math.max(a.lastMillis(), b.lastMillis()));
        }
    }

    public static class ToUserSession extends ProcessWindowFunction<Stats, UserSession, String, TimeWindow> {
        @Override
        public void process(String userId, Context context, Iterable<Stats> stats, Collector<UserSession> out) {
            Stats s = stats.iterator().next();
            out.collect(new UserSession(userId, Instant.ofEpochMilli(s.firstMillis()),
                    Instant.ofEpochMilli(s.lastMillis()), s.events(), s.revenue()));
        }
    }
}
