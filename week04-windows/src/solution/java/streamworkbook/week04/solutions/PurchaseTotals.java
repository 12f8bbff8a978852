package streamworkbook.week04.solutions;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.UserTotal;
import streamworkbook.week04.UserTotals;

/** Reference solution of exercise 4.4. */
public class PurchaseTotals implements UserTotals {

    @Override
    public KeyedProcessFunction<String, ShopEvent, UserTotal> runningTotals(Duration ttl) {
        return new RunningTotals(ttl);
    }

    public static class RunningTotals extends KeyedProcessFunction<String, ShopEvent, UserTotal> {

        private final Duration ttl;
        // one value per key (user); Flink scopes it to the current key of every call
        private transient ValueState<UserTotal> total;

        public RunningTotals(Duration ttl) {
            this.ttl = ttl;
        }

        @Override
        public void open(OpenContext context) {
            StateTtlConfig expiry = StateTtlConfig.newBuilder(ttl)
                    // the clock restarts with every write: ttl after the user's last purchase
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    // expired but not yet cleaned up is the same as absent
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build();
            ValueStateDescriptor<UserTotal> descriptor = new ValueStateDescriptor<>(STATE_NAME, UserTotal.class);
            descriptor.enableTimeToLive(expiry);
            total = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(ShopEvent event, Context ctx, Collector<UserTotal> out) throws Exception {
            if (event.type() != EventType.PURCHASE) {
                return;
            }
            UserTotal before = total.value(); // null: first purchase, or expired
            UserTotal after = before == null
                    ? new UserTotal(ctx.getCurrentKey(), 1, event.revenue())
                    : new UserTotal(before.userId(), before.purchases() + 1, before.revenue().add(event.revenue()));
            total.update(after);
            out.collect(after);
        }
    }
}
