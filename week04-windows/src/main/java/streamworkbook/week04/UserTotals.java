package streamworkbook.week04;

import java.time.Duration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.4 — keyed state with a time-to-live. */
public interface UserTotals {

    /**
     * A function for a stream keyed by {@code userId} that keeps each user's running purchase totals in a
     * {@code ValueState<UserTotal>}:
     * <ul>
     *   <li>for a {@code PURCHASE} it adds one purchase and the event's {@code revenue()} to the user's
     *       total and emits the new {@link UserTotal};</li>
     *   <li>other event types change nothing and emit nothing;</li>
     *   <li>the state expires {@code ttl} after it was last <em>written</em> (processing time): a user who
     *       buys nothing for that long starts again from zero. Expired state is never returned.</li>
     * </ul>
     */
    KeyedProcessFunction<String, ShopEvent, UserTotal> runningTotals(Duration ttl);
}
