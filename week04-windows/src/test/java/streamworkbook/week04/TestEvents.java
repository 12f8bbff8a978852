package streamworkbook.week04;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.testing.WatermarkAfterEveryEvent;

/** Events at exact times, and streams whose watermarks move at exact points. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger();

    private TestEvents() {
    }

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static String id() {
        return "e" + IDS.incrementAndGet();
    }

    static ShopEvent view(String user, double second, String product) {
        return ShopEvent.pageView(id(), at(second), user, user + "-s", "/product", product);
    }

    static ShopEvent view(double second) {
        return view("u-1", second, "p-001");
    }

    static ShopEvent search(double second) {
        return ShopEvent.search(id(), at(second), "u-1", "u-1-s", "lamp");
    }

    static ShopEvent purchase(String user, double second, int quantity, String unitPrice) {
        return ShopEvent.purchase(id(), at(second), user, user + "-s", "o-" + IDS.get(), "p-001", quantity,
                new BigDecimal(unitPrice));
    }

    /**
     * The events, in this order, from one source instance, each followed at once by the watermark
     * {@code newest timestamp − bound − 1 ms}: what a bounded-out-of-orderness strategy does, but at
     * exact points instead of every 200 ms of processing time, so which events are late is certain.
     */
    static DataStream<ShopEvent> timestamped(StreamExecutionEnvironment env, Duration bound, List<ShopEvent> events) {
        WatermarkStrategy<ShopEvent> everyEvent =
                WatermarkAfterEveryEvent.of(bound, (event, previous) -> event.eventTime().toEpochMilli());
        return env.fromData(ShopEvent.class, events.toArray(new ShopEvent[0])).setParallelism(1)
                .assignTimestampsAndWatermarks(everyEvent).setParallelism(1).name("exact watermarks");
    }
}
