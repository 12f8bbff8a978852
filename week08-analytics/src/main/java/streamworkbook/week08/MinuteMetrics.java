package streamworkbook.week08;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Given: the shop's events turned into per-minute series, the input of 8.1, 8.3 and 8.4. Per minute of event time
 * (tumbling event-time windows), in two steps: events are counted per event type and minute (in parallel, keyed
 * by type), then the few rows of each minute are combined into the series in one task. One task, because it
 * emits the minutes in order: every series leaves it minute after minute, which 8.4 relies on. (Keyed by minute
 * instead, two parallel tasks would each emit their own minutes, and a series' minutes could overtake each other
 * on the way to the next operator.)
 *
 * <table>
 *   <tr><th>series</th><th>value per minute</th><th>there when</th></tr>
 *   <tr><td>{@value #PAGE_VIEWS}</td><td>page views</td><td>the minute had page views</td></tr>
 *   <tr><td>{@value #CARTS}</td><td>add-to-cart events</td><td>the minute had some</td></tr>
 *   <tr><td>{@value #PURCHASES}</td><td>purchase lines</td><td>the minute had some</td></tr>
 *   <tr><td>{@value #REVENUE}</td><td>Σ price × quantity of the purchases</td><td>the minute had purchases</td></tr>
 *   <tr><td>{@value #AVG_PRICE}</td><td>mean unit price of the purchase lines</td><td>the minute had purchases</td></tr>
 *   <tr><td>{@value #CHECKOUT_RATE}</td><td>purchase lines / add-to-cart events</td><td>the minute had carts</td></tr>
 * </table>
 * Each metric's timestamp is its minute's last millisecond (a window result's), inside its minute.
 */
public final class MinuteMetrics {

    public static final String PAGE_VIEWS = "page_views";
    public static final String CARTS = "carts";
    public static final String PURCHASES = "purchases";
    public static final String REVENUE = "revenue";
    public static final String AVG_PRICE = "avg_price";
    public static final String CHECKOUT_RATE = "checkout_rate";

    public static final Duration MINUTE = Duration.ofMinutes(1);

    /** One event type's minute: how many events, and the prices of those that have one. */
    public record TypeMinute(String type, Instant minute, long events, double revenue, double priceSum, long priced) {
    }

    /** count, revenue, Σ price, priced events — an accumulator of primitives, which Flink serializes without Kryo. */
    public record Counts(long events, double revenue, double priceSum, long priced) {
    }

    private MinuteMetrics() {
    }

    /** The series of the table above, from events with event-time timestamps and watermarks. */
    public static DataStream<MinuteMetric> of(DataStream<ShopEvent> events) {
        return events
                .keyBy(e -> e.type().wireName())
                .window(TumblingEventTimeWindows.of(MINUTE))
                .aggregate(new CountPerType(), new StampTypeMinute())
                .name("events per type and minute")
                // a handful of rows a minute: one task is plenty, and keeps the minutes in order
                .windowAll(TumblingEventTimeWindows.of(MINUTE))
                .process(new ToSeries())
                .name("minute series");
    }

    static final class CountPerType implements AggregateFunction<ShopEvent, Counts, Counts> {
        @Override
        public Counts createAccumulator() {
            return new Counts(0, 0, 0, 0);
        }

        @Override
        public Counts add(ShopEvent e, Counts c) {
            boolean priced = e.price() != null;
            return new Counts(c.events() + 1, c.revenue() + e.revenue().doubleValue(),
                    c.priceSum() + (priced ? e.price().doubleValue() : 0), c.priced() + (priced ? 1 : 0));
        }

        @Override
        public Counts getResult(Counts c) {
            return c;
        }

        @Override
        public Counts merge(Counts a, Counts b) {
            return new Counts(a.events() + b.events(), a.revenue() + b.revenue(), a.priceSum() + b.priceSum(),
                    a.priced() + b.priced());
        }
    }

    static final class StampTypeMinute extends ProcessWindowFunction<Counts, TypeMinute, String, TimeWindow> {
        @Override
        public void process(String type, Context context, Iterable<Counts> counts, Collector<TypeMinute> out) {
            Counts c = counts.iterator().next();
            out.collect(new TypeMinute(type, Instant.ofEpochMilli(context.window().getStart()), c.events(), c.revenue(),
                    c.priceSum(), c.priced()));
        }
    }

    static final class ToSeries extends ProcessAllWindowFunction<TypeMinute, MinuteMetric, TimeWindow> {
        @Override
        public void process(Context context, Iterable<TypeMinute> rows, Collector<MinuteMetric> out) {
            Map<String, TypeMinute> byType = new HashMap<>();
            rows.forEach(r -> byType.put(r.type(), r));
            Instant minute = Instant.ofEpochMilli(context.window().getStart());
            TypeMinute views = byType.get(EventType.PAGE_VIEW.wireName());
            TypeMinute carts = byType.get(EventType.ADD_TO_CART.wireName());
            TypeMinute purchases = byType.get(EventType.PURCHASE.wireName());
            if (views != null) {
                out.collect(new MinuteMetric(PAGE_VIEWS, minute, views.events()));
            }
            if (carts != null) {
                out.collect(new MinuteMetric(CARTS, minute, carts.events()));
                out.collect(new MinuteMetric(CHECKOUT_RATE, minute, purchases == null ? 0 : (double) purchases.events() / carts.events()));
            }
            if (purchases != null) {
                out.collect(new MinuteMetric(PURCHASES, minute, purchases.events()));
                out.collect(new MinuteMetric(REVENUE, minute, purchases.revenue()));
                out.collect(new MinuteMetric(AVG_PRICE, minute, purchases.priceSum() / purchases.priced()));
            }
        }
    }
}
