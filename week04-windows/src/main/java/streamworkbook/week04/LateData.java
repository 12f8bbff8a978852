package streamworkbook.week04;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.3 — allowed lateness and a side output for data later than that. */
public interface LateData {

    /** The side output of events that arrived too late even for the allowed lateness. */
    OutputTag<ShopEvent> TOO_LATE = new OutputTag<>("too-late", TypeInformation.of(ShopEvent.class));

    /**
     * Like {@link EventTimeWindows#countsPerType}, but a window stays open for {@code allowedLateness}
     * after the watermark passed its end:
     * <ul>
     *   <li>when the watermark passes the window's end, it emits its count (as in 4.1);</li>
     *   <li>each late event within the allowed lateness is added and the window emits its updated count
     *       again (the same key and window, a higher count);</li>
     *   <li>once the watermark passes end + allowed lateness the window is gone: an event for it goes to
     *       the side output {@link #TOO_LATE}, unchanged.</li>
     * </ul>
     */
    SingleOutputStreamOperator<WindowCount> countsWithLateness(DataStream<ShopEvent> timestamped, Duration size,
                                                               Duration allowedLateness);
}
