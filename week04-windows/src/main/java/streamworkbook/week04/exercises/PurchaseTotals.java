package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.UserTotal;
import streamworkbook.week04.UserTotals;

/**
 * Exercise 4.4 — each shopper's running purchase total in keyed state that forgets a shopper who has not bought
 * anything for {@code ttl}, and never hands back a total that has expired.
 *
 * <p>The contract is {@link UserTotals}; the goal and graded hints are in
 * {@code week04-windows/README.md#44-keyed-state-with-ttl} ({@code ./workbook hint 4.4}).
 */
public class PurchaseTotals implements UserTotals {

    @Override
    public KeyedProcessFunction<String, ShopEvent, UserTotal> runningTotals(Duration ttl) {
        throw new NotImplementedYet("4.4");
    }
}
