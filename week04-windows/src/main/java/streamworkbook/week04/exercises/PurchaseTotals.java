package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.UserTotal;
import streamworkbook.week04.UserTotals;

/** Exercise 4.4 — your code. The contract is in {@link UserTotals}; the steps in week04-windows/README.md. */
public class PurchaseTotals implements UserTotals {

    @Override
    public KeyedProcessFunction<String, ShopEvent, UserTotal> runningTotals(Duration ttl) {
        // TODO 4.4: return a new instance of your own KeyedProcessFunction<String, ShopEvent, UserTotal>,
        //  a public static nested class with a `Duration ttl` field (Duration is serializable) and a
        //  `transient ValueState<UserTotal>` field.
        //  - open(OpenContext): build a StateTtlConfig.newBuilder(ttl) with update type OnCreateAndWrite
        //    and visibility NeverReturnExpired; new ValueStateDescriptor<>("user-total", UserTotal.class);
        //    descriptor.enableTimeToLive(config); state = getRuntimeContext().getState(descriptor).
        //  - processElement: ignore non-purchases; value() is null for a new (or expired) user; update()
        //    the new total and out.collect(it). ctx.getCurrentKey() is the user id.
        throw new NotImplementedYet("4.4");
    }
}
