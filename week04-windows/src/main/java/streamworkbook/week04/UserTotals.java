package streamworkbook.week04;

import java.time.Duration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.4 — keyed state with a time-to-live. */
public interface UserTotals {

    /** The name of the state that holds a user's total: a savepoint, and the test, find state by its name. */
    String STATE_NAME = "user-total";

    /**
     * A function for a stream keyed by {@code userId} that keeps each user's running purchase totals in a
     * {@code ValueState<UserTotal>} named {@value #STATE_NAME}:
     * <ul>
     *   <li>for a {@code PURCHASE} it adds one purchase and the event's {@code revenue()} to the user's total,
     *       stores the new {@link UserTotal} and emits it;</li>
     *   <li>other event types change nothing and emit nothing;</li>
     *   <li>the stored total expires {@code ttl} after it was last <em>written</em>, in processing time: a user who
     *       buys nothing for that long starts again from zero. Reading the total does not extend its life;</li>
     *   <li>an expired total is never returned — also when it has not been cleaned up yet.</li>
     * </ul>
     */
    KeyedProcessFunction<String, ShopEvent, UserTotal> runningTotals(Duration ttl);
}
