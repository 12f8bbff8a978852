package streamworkbook.kit.testing;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for tests that need to know which events are late: after every event, the latest event time so far minus
 * the out-of-orderness (and 1 ms), as Flink's bounded-out-of-orderness strategy computes it — but emitted at once
 * instead of on a timer, so the same events are late on every run. Use it on one reader (parallelism 1).
 */
public final class WatermarkAfterEveryEvent {

    private WatermarkAfterEveryEvent() {
    }

    public static <T> WatermarkStrategy<T> of(Duration outOfOrderness, SerializableTimestampAssigner<T> timestamps) {
        long bound = outOfOrderness.toMillis();
        return WatermarkStrategy.<T>forGenerator(context -> new WatermarkGenerator<>() {
            private long latest = Long.MIN_VALUE + bound + 1;

            @Override
            public void onEvent(T event, long timestamp, WatermarkOutput output) {
                latest = Math.max(latest, timestamp);
                output.emitWatermark(new Watermark(latest - bound - 1));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner(timestamps);
    }
}
